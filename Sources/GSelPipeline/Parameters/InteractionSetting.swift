/// Whether a run screens for interaction pairs after the ranking (`--interactions`,
/// `InteractionScreen`): `auto` screens every run that ranks single features without a
/// budget; `off` never. Stored in `SelectionParameters.interactions` only when `off`, so the
/// fit manifests of default runs keep their bytes (the screen changes no fit).
public enum InteractionSetting: String, Codable, Sendable, CaseIterable {
    case auto
    case off
}
