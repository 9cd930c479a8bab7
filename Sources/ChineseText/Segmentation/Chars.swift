/// Character classes used by the segmenter's scanner, on raw scalar values.
enum Chars {
    @inline(__always) static func halfWidth(_ c: UInt32) -> UInt32 {
        c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c
    }

    @inline(__always) static func isSpace(_ c: UInt32) -> Bool {
        if c > 0x20 && c < 0x7F { return false }
        if c >= 0x3001 && c < 0xFEFF { return false }
        return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C || c == 0x3000 || c == 0xA0
            || c == 0x2007 || c == 0x202F || c == 0x200B || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A)
    }

    @inline(__always) static func isDigit(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0xFF10 && c <= 0xFF19)
    }

    @inline(__always) static func isASCIILetter(_ c: UInt32) -> Bool {
        let h = halfWidth(c)
        return (h >= 0x41 && h <= 0x5A) || (h >= 0x61 && h <= 0x7A)
    }

    /// . , : / between digits (and their full-width forms).
    @inline(__always) static func isNumberSeparator(_ c: UInt32) -> Bool {
        let h = halfWidth(c)
        return h == 0x2E || h == 0x2C || h == 0x3A || h == 0x2F || c == 0xB7
    }

    @inline(__always) static func isPercent(_ c: UInt32) -> Bool {
        c == 0x25 || c == 0xFF05 || c == 0x2030
    }

    /// - _ . @ & ' inside a Latin word.
    @inline(__always) static func isLatinJoiner(_ c: UInt32) -> Bool {
        let h = halfWidth(c)
        return h == 0x2D || h == 0x5F || h == 0x2E || h == 0x40 || h == 0x26 || h == 0x27
    }

    /// A unit written after a number and joined to it: nil when not a unit, true for time
    /// units (年 月 日 号 时 分 秒), false for magnitudes (万 亿).
    @inline(__always) static func numberSuffix(_ c: UInt32) -> Bool? {
        switch c {
        case 0x5E74, 0x6708, 0x65E5, 0x53F7, 0x65F6, 0x6642, 0x5206, 0x79D2: return true // 年月日号时時分秒
        case 0x4E07, 0x842C, 0x4EBF, 0x5104: return false // 万萬亿億
        default: return nil
        }
    }

    /// 〇○零一二三四五六七八九十百千万亿两 (and 萬 億 兩).
    @inline(__always) static func isChineseNumeral(_ c: UInt32) -> Bool {
        switch c {
        case 0x3007, 0x25CB, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
             0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24, 0x842C, 0x5104, 0x5169:
            return true
        default: return false
        }
    }

    @inline(__always) static func isCJK(_ c: UInt32) -> Bool {
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x323AF)
            || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007
    }

    /// Punctuation that forms one token when repeated: —— …… ... --
    @inline(__always) static func isRepeatablePunct(_ c: UInt32) -> Bool {
        c == 0x2014 || c == 0x2026 || c == 0x2E || c == 0x2D || c == 0xFF0E || c == 0x2015 || c == 0x2500 || c == 0xB7 || c == 0x30FB
    }

    @inline(__always) static func isPunct(_ c: UInt32) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
            || (c >= 0x2010 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F)
            || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65)
            || (c >= 0xFE30 && c <= 0xFE4F) || c == 0xB7 || (c >= 0x25A0 && c <= 0x25FF && c != 0x25CB)
    }

    /// Sentence-level punctuation that ends a segmentation block: 。！？；，、：
    @inline(__always) static func isBlockBreak(_ c: UInt32) -> Bool {
        switch c {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF0C, 0x3001, 0xFF1A, 0x21, 0x3F, 0x3B, 0x2C: return true
        default: return false
        }
    }

    /// The 100 most common Chinese surnames (both scripts where they differ).
    static let surnames: Set<UInt32> = {
        let list = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "張劉陳楊黃趙吳許韓馮鄧蕭葉蘇呂盧薑鐘譚陸範賈韋鄒孟邱閆賀顧龔萬錢嚴湯"
        return Set(list.unicodeScalars.map { $0.value })
    }()

    @inline(__always) static func isCommonSurname(_ c: UInt32) -> Bool { surnames.contains(c) }
}
