/// HTML character references: the HTML 4 named set, the common HTML5 names used on Chinese
/// news pages (&hellip; &mdash; &ldquo; …), and the legacy names that browsers accept without
/// the closing semicolon (&nbsp &amp &copy …).
enum HTMLEntities {
    /// "name=HEX" pairs (case-sensitive names).
    private static let table: String =
        "AElig=C6 Aacute=C1 Acirc=C2 Agrave=C0 Alpha=391 Aring=C5 Atilde=C3 Auml=C4 Beta=392 Ccedil=C7 Chi=3A7 " +
        "Dagger=2021 Delta=394 ETH=D0 Eacute=C9 Ecirc=CA Egrave=C8 Epsilon=395 Eta=397 Euml=CB Gamma=393 Hat=5E " +
        "Iacute=CD Icirc=CE Igrave=CC Iota=399 Iuml=CF Kappa=39A Lambda=39B MediumSpace=205F Mu=39C NewLine=A NoBreak=2060 " +
        "Ntilde=D1 Nu=39D OElig=152 Oacute=D3 Ocirc=D4 Ograve=D2 Omega=3A9 Omicron=39F Oslash=D8 Otilde=D5 Ouml=D6 " +
        "Phi=3A6 Pi=3A0 Prime=2033 Psi=3A8 Rho=3A1 Scaron=160 Sigma=3A3 THORN=DE Tab=9 Tau=3A4 Theta=398 ThinSpace=2009 " +
        "Uacute=DA Ucirc=DB Ugrave=D9 Upsilon=3A5 Uuml=DC Xi=39E Yacute=DD Yuml=178 ZeroWidthSpace=200B Zeta=396 " +
        "aacute=E1 acirc=E2 acute=B4 aelig=E6 agrave=E0 alefsym=2135 alpha=3B1 amp=26 and=2227 ang=2220 apos=27 " +
        "aring=E5 ast=2A asymp=2248 atilde=E3 auml=E4 bdquo=201E beta=3B2 brvbar=A6 bsol=5C bull=2022 cap=2229 " +
        "caret=2041 ccedil=E7 cedil=B8 cent=A2 check=2713 chi=3C7 circ=2C6 clubs=2663 colon=3A comma=2C commat=40 " +
        "cong=2245 copy=A9 crarr=21B5 cross=2717 cup=222A curren=A4 dArr=21D3 dagger=2020 darr=2193 dash=2010 deg=B0 " +
        "delta=3B4 diams=2666 divide=F7 dollar=24 eacute=E9 ecirc=EA egrave=E8 empty=2205 emsp=2003 ensp=2002 epsilon=3B5 " +
        "equals=3D equiv=2261 eta=3B7 eth=F0 euml=EB euro=20AC excl=21 exist=2203 fnof=192 forall=2200 frac12=BD " +
        "frac14=BC frac34=BE frasl=2044 gamma=3B3 ge=2265 geq=2265 grave=60 gt=3E hArr=21D4 hairsp=200A harr=2194 " +
        "hearts=2665 hellip=2026 hyphen=2010 iacute=ED icirc=EE iexcl=A1 igrave=EC image=2111 infin=221E int=222B " +
        "iota=3B9 iquest=BF isin=2208 iuml=EF kappa=3BA lArr=21D0 lambda=3BB lang=2329 langle=27E8 laquo=AB larr=2190 " +
        "lceil=2308 lcub=7B ldquo=201C le=2264 leq=2264 lfloor=230A lowast=2217 lowbar=5F loz=25CA lpar=28 lrm=200E " +
        "lsaquo=2039 lsqb=5B lsquo=2018 lt=3C macr=AF mdash=2014 micro=B5 middot=B7 minus=2212 mu=3BC nabla=2207 " +
        "nbsp=A0 ndash=2013 ne=2260 ni=220B not=AC notin=2209 nsub=2284 ntilde=F1 nu=3BD num=23 oacute=F3 ocirc=F4 " +
        "oelig=153 ograve=F2 oline=203E omega=3C9 omicron=3BF oplus=2295 or=2228 ordf=AA ordm=BA oslash=F8 otilde=F5 " +
        "otimes=2297 ouml=F6 para=B6 part=2202 percnt=25 period=2E permil=2030 perp=22A5 phi=3C6 pi=3C0 piv=3D6 " +
        "plus=2B plusmn=B1 pound=A3 prime=2032 prod=220F prop=221D psi=3C8 quest=3F quot=22 rArr=21D2 radic=221A " +
        "rang=232A rangle=27E9 raquo=BB rarr=2192 rceil=2309 rcub=7D rdquo=201D real=211C reg=AE rfloor=230B rho=3C1 " +
        "rlm=200F rpar=29 rsaquo=203A rsqb=5D rsquo=2019 sbquo=201A scaron=161 sdot=22C5 sect=A7 semi=3B shy=AD " +
        "sigma=3C3 sigmaf=3C2 sim=223C sol=2F spades=2660 star=2606 starf=2605 sub=2282 sube=2286 sum=2211 sup=2283 " +
        "sup1=B9 sup2=B2 sup3=B3 supe=2287 szlig=DF tau=3C4 there4=2234 theta=3B8 thetasym=3D1 thinsp=2009 thorn=FE " +
        "tilde=2DC times=D7 trade=2122 uArr=21D1 uacute=FA uarr=2191 ucirc=FB ugrave=F9 uml=A8 upsih=3D2 upsilon=3C5 " +
        "uuml=FC verbar=7C vert=7C weierp=2118 xi=3BE yacute=FD yen=A5 yuml=FF zeta=3B6 zwj=200D zwnj=200C"

    /// Names accepted without ";" (the HTML5 legacy list).
    private static let legacyNames: String =
        "AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc " +
        "Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute " +
        "aacute acirc acute aelig agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide " +
        "eacute ecirc egrave eth euml frac12 frac14 frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr " +
        "micro middot nbsp not ntilde oacute ocirc ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo " +
        "reg sect shy sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml"

    /// FNV-1a hash of the entity name → Unicode scalar value.
    static let named: [UInt64: UInt32] = {
        var d: [UInt64: UInt32] = [:]
        for pair in table.split(separator: " ") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let v = UInt32(parts[1], radix: 16) else { continue }
            d[hash(Array(parts[0].utf8))] = v
        }
        return d
    }()

    static let legacy: Set<UInt64> = {
        Set(legacyNames.split(separator: " ").map { hash(Array($0.utf8)) })
    }()

    /// The longest legacy name (for prefix matching of "&nbsp2005").
    static let longestLegacy = 6

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    /// Windows-1252 meanings of numeric references &#128; … &#159; (as browsers decode them).
    static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
