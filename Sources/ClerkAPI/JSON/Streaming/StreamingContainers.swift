/// Fields of an object, written as they are encoded.
struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamingValueEncoder
    /// The encoder's level this object is written at.
    let level: Int
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var writer: JSONByteWriter { encoder.writer }

    private func key(_ key: Key) {
        encoder.separate(level)
        writer.append(string: key.stringValue)
        writer.append(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); writer.append(ascii: "null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); writer.append(bool: value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); writer.append(string: value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); try writer.append(double: value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); try writer.append(double: value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); writer.append(number: value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); writer.append(number: value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try encoder.encodeValue(value, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.unsupported().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.unsupported().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.unsupported()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.unsupported()
    }
}

/// Elements of an array, written as they are encoded.
struct StreamingUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamingValueEncoder
    /// The encoder's level this array is written at.
    let level: Int
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.count(level) }
    private var writer: JSONByteWriter { encoder.writer }

    mutating func encodeNil() throws { encoder.separate(level); writer.append(ascii: "null") }
    mutating func encode(_ value: Bool) throws { encoder.separate(level); writer.append(bool: value) }
    mutating func encode(_ value: String) throws { encoder.separate(level); writer.append(string: value) }
    mutating func encode(_ value: Double) throws { encoder.separate(level); try writer.append(double: value) }
    mutating func encode(_ value: Int) throws { encoder.separate(level); writer.append(number: value) }
    mutating func encode(_ value: Int64) throws { encoder.separate(level); writer.append(number: value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.separate(level)
        try encoder.encodeValue(value, key: nil)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.unsupported().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.unsupported().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.unsupported()
    }
}

/// One value in place: a primitive, or another value encoding itself where this one stands.
struct StreamingSingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamingValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var writer: JSONByteWriter { encoder.writer }

    mutating func encodeNil() throws { writer.append(ascii: "null") }
    mutating func encode(_ value: Bool) throws { writer.append(bool: value) }
    mutating func encode(_ value: String) throws { writer.append(string: value) }
    mutating func encode(_ value: Double) throws { try writer.append(double: value) }
    mutating func encode(_ value: Float) throws { try writer.append(double: value) }
    mutating func encode(_ value: Int) throws { writer.append(number: value) }
    mutating func encode(_ value: Int8) throws { writer.append(number: value) }
    mutating func encode(_ value: Int16) throws { writer.append(number: value) }
    mutating func encode(_ value: Int32) throws { writer.append(number: value) }
    mutating func encode(_ value: Int64) throws { writer.append(number: value) }
    mutating func encode(_ value: UInt) throws { writer.append(number: value) }
    mutating func encode(_ value: UInt8) throws { writer.append(number: value) }
    mutating func encode(_ value: UInt16) throws { writer.append(number: value) }
    mutating func encode(_ value: UInt32) throws { writer.append(number: value) }
    mutating func encode(_ value: UInt64) throws { writer.append(number: value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.encodeValue(value, key: nil)
    }
}
