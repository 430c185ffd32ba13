import Foundation

extension JSONValue: Decodable {
    /// Decodes any JSON document; object keys come out sorted (JSON objects have no order).
    public init(from decoder: Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
                (key: key.stringValue, value: try object.decode(JSONValue.self, forKey: key))
            })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let b = try? value.decode(Bool.self) { self = .bool(b) }
        else if let i = try? value.decode(Int.self) { self = .int(i) }
        else if let d = try? value.decode(Double.self) { self = .number(d) }
        else { self = .string(try value.decode(String.self)) }
    }

    /// The JSON form of an `Encodable` value as `encoder` writes it (e.g. with snake_case keys).
    public init<T: Encodable>(encoding value: T, with encoder: JSONEncoder = JSONEncoder()) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
