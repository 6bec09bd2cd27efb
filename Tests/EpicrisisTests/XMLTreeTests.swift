import CLibXML2
import Foundation
import Testing
@testable import Epicrisis

/// The reader's tree is built from libxml2's parser events in place of libxml2's own tree: it must
/// hold the same elements, text nodes (joined and parted where libxml2 joins and parts them),
/// comments and lines.
@Suite("XML tree")
struct XMLTreeTests {
    /// A node as both trees show it: kind, name or content, line, children.
    struct Shape: Equatable, CustomStringConvertible {
        var kind: String
        var value: String
        var line: Int
        var children: [Shape]

        var description: String { "\(kind)(\(value.prefix(20)))@\(line)\(children.isEmpty ? "" : "\(children)")" }
    }

    static func shape(of node: xmlNodePtr) -> Shape? {
        let kind: String
        let value: String
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            kind = "element"
            value = String(cString: node.pointee.name)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            kind = "text"
            value = node.pointee.content.map { String(cString: $0) } ?? ""
        case XML_COMMENT_NODE:
            kind = "comment"
            value = node.pointee.content.map { String(cString: $0) } ?? ""
        case XML_ENTITY_REF_NODE, XML_PI_NODE:
            return Shape(kind: "other", value: "", line: 0, children: [])
        default:
            return nil
        }
        var children: [Shape] = []
        if node.pointee.type == XML_ELEMENT_NODE {
            var child = node.pointee.children
            while let current = child {
                if let shape = shape(of: current) { children.append(shape) }
                child = current.pointee.next
            }
        }
        return Shape(kind: kind, value: value, line: Int(xmlGetLineNo(node)), children: children)
    }

    static func shape(of index: Int32, in tree: XMLTree) -> Shape {
        let node = tree.nodes[Int(index)]
        let kind: String
        switch node.kind {
        case .element: kind = "element"
        case .text: kind = "text"
        case .comment: kind = "comment"
        case .other: return Shape(kind: "other", value: "", line: 0, children: [])
        }
        return Shape(kind: kind, value: tree.string(of: index), line: Int(node.line),
                     children: tree.children(of: index).map { shape(of: $0, in: tree) })
    }

    /// Every comment of libxml2's document, in document order, with its content and line
    /// (those in the DTD too).
    static func comments(of document: xmlDocPtr) -> [String] {
        var found: [String] = []
        func walk(_ first: xmlNodePtr?) {
            var node = first
            while let current = node {
                if current.pointee.type == XML_COMMENT_NODE {
                    found.append("\(String(cString: current.pointee.content))@\(xmlGetLineNo(current))")
                }
                if ![XML_ENTITY_DECL, XML_ENTITY_REF_NODE].contains(current.pointee.type) { walk(current.pointee.children) }
                node = current.pointee.next
            }
        }
        walk(document.pointee.children)
        return found
    }

    static func compare(_ bytes: [UInt8], _ name: String) throws {
        // libxml2's own reading of the bytes, its own encoding conversion included.
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), name, nil, OIOXMLReader.parseOptions)
            }
        }
        let document = try #require(parsed)
        defer { xmlFreeDoc(document) }
        let tree = try OIOXMLReader.parse(bytes, path: name)
        let expected = try #require(xmlDocGetRootElement(document).flatMap { shape(of: $0) })
        let root = try #require(tree.root)
        #expect(shape(of: root.index, in: tree) == expected, "\(name)")
        #expect(root.namespace == xmlDocGetRootElement(document)?.pointee.ns.map { String(cString: $0.pointee.href) }, "\(name)")
        let comments = tree.nodes.enumerated().filter { $0.element.kind == .comment }
            .map { "\(tree.string(of: Int32($0.offset)))@\($0.element.line)" }
        #expect(comments == Self.comments(of: document), "\(name)")
    }

    static let edgeCases: [String] = [
        // Entities: predefined and numeric ones are text; a declared one stays a reference whose
        // value (parsed once, on its own) is not part of the document; CDATA and an instruction.
        """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY e "x<b>y</b>z"><!ENTITY f "plain"><!-- in the DTD -->]>
        <!-- before -->
        <r xmlns="http://rep.oio.dk/x/">a &e; b &f; c &amp; d &#233;&#x1F600; <![CDATA[cd<ata]]> e<?pi x?>f<!-- c1 --><s/>g
          <t>&e;&e;</t><u>  </u><v/>
        </r>
        <!-- after -->
        """,
        // Text long enough to come in several runs, with line ends inside.
        "<r>" + (0..<400).map { "linje \($0) med tekst &amp; mere\n" }.joined() + "<Break/>slut</r>",
        // Mixed content as in MedCom's Text01.
        "<a:r xmlns:a=\"http://rep.oio.dk/y/\"><a:Text01>Før<a:Break/><a:Bold>Fed</a:Bold><a:Space/>tekst\r\n\tnæste</a:Text01></a:r>",
        // An empty CDATA section is a text node, which the text after it joins (keeping its line).
        "<r><Text01><Break/><![CDATA[]]>\nSenfølger<![CDATA[]]></Text01><![CDATA[]]></r>",
        // Text past line 65,535, whose line libxml2 keeps apart for text.
        "<r>" + String(repeating: "\n", count: 70_000) + "<x>sent</x>tekst</r>",
    ]

    @Test("the tree holds what libxml2's own tree holds, for the edge cases", arguments: 0..<edgeCases.count)
    func edgeCase(_ index: Int) throws {
        try Self.compare(Array(Self.edgeCases[index].utf8), "edge-\(index).xml")
    }

    /// Past line 65,535 libxml2's tree keeps a text's line but not an element's or a comment's
    /// (it gives a neighbour's); the reader's tree keeps every node's own.
    @Test("past line 65,535 every node keeps its own line")
    func bigLines() throws {
        let xml = "<r>" + String(repeating: "\n", count: 70_000) + "<x>\n<y/>tekst<!-- c --></x></r>"
        let tree = try OIOXMLReader.parse(Array(xml.utf8), path: "big.xml")
        let x = try #require(tree.root?.child("x"))
        #expect(x.line == 70_001)
        #expect(x.child("y")?.line == 70_002)
        let lines = tree.children(of: x.index).map { (tree.nodes[Int($0)].kind, Int(tree.nodes[Int($0)].line)) }
        #expect(lines.map(\.0) == [.text, .element, .text, .comment])
        #expect(lines.map(\.1) == [70_002, 70_002, 70_002, 70_002])
    }

    @Test("windows-1252 text comes as UTF-8, as in libxml2's tree")
    func windows1252() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<r>Senfølger: ingen æøå € ‰ Œ\n<a>ÿ</a>&amp;Ž</r>"
        try Self.compare(Array(xml.data(using: .windowsCP1252)!), "cp1252.xml")
    }

    @Test("the tree holds what libxml2's own tree holds, for every sample and MedCom message")
    func letters() throws {
        var directories = [Fixtures.samples]
        if Fixtures.hasShared { directories.append(Fixtures.shared.appendingPathComponent("medcom/messages")) }
        var compared = 0
        for directory in directories {
            let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".xml") && !file.contains("malformed") {
                let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
                try Self.compare(bytes, file)
                compared += 1
            }
        }
        #expect(compared >= 4)
    }

    @Test("malformed XML fails alike, with its line")
    func malformed() throws {
        let bytes = Array("<?xml version=\"1.0\"?>\n<r>\n  <a>\n</r>\n".utf8)
        #expect(throws: ReadError.self) { try OIOXMLReader.parse(bytes, path: "bad.xml") }
        do {
            _ = try OIOXMLReader.parse(bytes, path: "bad.xml")
        } catch {
            #expect(error.line == 4)
        }
    }
}

@Suite("windows-1252 letters converted before parsing")
struct DeclaredWindows1252Tests {
    @Test("the declaration is found in its forms", arguments: [
        ("<?xml version=\"1.0\" encoding=\"windows-1252\"?><r/>", true), ("<?xml version='1.0' encoding = 'CP1252' ?><r/>", true),
        ("<?xml version=\"1.0\" encoding=\"WINDOWS-1252\"?>", true), ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>", false),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>", false), ("<?xml version=\"1.0\"?><r a='encoding=\"cp1252\"'/>", false),
        ("<r/>", false), ("<?xml version=\"1.0\" encoding=\"windows-1252", false),
    ])
    func declaration(_ xml: String, _ expected: Bool) {
        #expect(DeclaredWindows1252.declaresWindows1252(Array(xml.utf8)) == expected, "\(xml)")
    }

    @Test("bytes convert as windows-1252 decodes them; a byte it leaves undefined is left to libxml2")
    func conversion() {
        let declaration = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?>".utf8)
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator) : UInt8.random(in: 0...255, using: &generator)
            }
            let bytes = declaration + body
            let converted = DeclaredWindows1252.utf8(bytes)
            if body.contains(where: undefined.contains) {
                #expect(converted == nil)
            } else {
                #expect(converted == Array(TextDecoding.decodeWindows1252(bytes).utf8))
            }
        }
    }
}
