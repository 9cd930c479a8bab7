import Foundation

// Rule strings of the time grammar, reimplemented from JioNLP's rule set (Apache-2.0).
// Group numbering matters: the normalisers read `group(1)` of several of these patterns.

fileprivate func br(_ s: String) -> String { "(" + s + ")" }
fileprivate func brA(_ s: String) -> String { "(" + s + ")?" }
fileprivate func ab(_ s: String) -> String { s + "?" }

enum TimeRuleStrings {
    static let I = "|"
    static let yearString = #"([12]?\d{2,3}|[一二三四五六七八九零〇]{2,4})年"#
    static let limitYearString = #"(前(一)?|今|明|去|同|当|后|大前|本|次|上(一)?|这(一)?)年"#
    static let lunarYearString = #"([一二三四五六七八九零〇]{2}|[一二三四五六七八九零〇]{4}|[12]\d{3}|\d{2})年"#
    static let monthNumStd = #"(1[012]|[0]?[1-9]|十[一二]|[一二三四五六七八九十])"#
    static let monthString = monthNumStd + #"月(份)?"#
    static let monthNumString = #"(1[012]|[0]?[1-9]|十[一二]|[一二三四五六七八九十两])"#
    static let blurMonthString = #"年?(初|[一]开年|伊始|末|尾|终|底|[上下]半年|[暑寒][假期]|[前中后]期)"#
    static let lunarMonthString = #"(闰)?([正一二三四五六七八九十冬腊]|十[一二]|[1-9]|1[012])月"#
    static let limitMonthString = #"((下(下)?|上(上)?)((一)?个)?|同|本|当|次|(这((一)?个)?))月"#
    static let selfEviLunarMonthString = #"((闰)?[正冬腊]|闰([一二三四五六七八九十]|十[一二]|[1-9]|1[012]))月"#
    static let weekNumString = #"周?[一二两三四五六七八九十0-9]{1,3}"#
    static let weekString = #"(周|星期|礼拜)"#
    static let dayNumString = #"(([12]\d|3[01]|[0]?[1-9])|([一二]?十)?[一二三四五六七八九]|(三十)?[一]|[二三]?十)"#
    static let dayString = dayNumString + "[日号]"
    static let blurDayString = #"月?([上中下]旬|初|中|底|末)"#
    static let limitDayString = #"(前|今|明|同一|当|后|大大前|大大后|大前|大后|昨|次|本)[天日晚]"#
    static let limitSpanDayString = #"(最?[前后]([二两三四五六七八九十\d])[天日])"#
    static let lunarSolarDayString = #"((初|(二)?十|廿)[一二三四五六七八九]|[初二三]十|初([1-9]|10)|[12]\d|3[01]|[0]?[1-9])"#
    static let lunarDayString = #"((初|(二)?十|廿)[一二三四五六七八九]|[初二三]十|初([1-9]|10))"#
    static let selfEviLunarDayString = #"([初廿]([一二三四五六七八九十1-9]|10))"#
    static let hourString = #"((十)?[一两二三四五六七八九]|[零〇十]|二十[一二三四]?|[01]?\d|2[01234])[时点](整|钟)?"#
    static let blurHourString = #"(凌晨|白天|清[晨|早]|黎明|一(大)?早|早[晨上]?|[上中下]午|午后|(傍)?晚[间上]?|[深半午]?夜[里间]?|[上下前后]半夜)"#
    static let consecutiveBlurHourString = #"(一两|两三|三四|四五|五六|六七|七八|八九|九十)[点]"#
    static let minSecString = #"((零|〇|[一二三四五]?十)[一二三四五六七八九]|[二三四五]?十|[012345]?\d)"#
    static let LU = "([农阴]历)"
    static let LU_A = ab(LU)
    static let CONJ_A = ab("([的地得])")
    static let timePointSuffix = "(左右|许|前后)"
    static let solarTermString = "(立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒)"
    static let fixedSolarFestival = #"((元旦|十一(?![点时分秒]))|(三八|五一|六一|七一|八一|国庆|圣诞)(节)?|((三八)?妇女|女神|植树|(五一)?劳动|(五四)?青年|(六一)?儿童|(七一)?建党|(八一)?建军|教师|情人|愚人|万圣|护士)节|地球日|三[\.•·・]?一五|双(十一|11)|(.{1,4})?消费者权益日)"#
    static let fixedLunarFestival = #"((春|填仓|上巳|寒食|浴佛|姑姑|财神|下元|寒衣)节|(龙抬头|除夕)|(大年(初[一二三四五六七八九十]|三十))|(端午|端阳|七夕|元宵|中秋|重阳|腊八|中元)(节)?)"#
    static let regularForeignFestival = "(感恩|母亲|父亲)节"
    static let nowString = "(现在|此时(此刻)?|此刻)"
    static let deltaNumString = #"(([一两俩二仨三四五六七八九十百千万零]+点)?[一两二三四五六七八九十百千万零]+|([\d十百千万,]+\.)?[\d十百千万,]+)"#
    static let quarterNumString = "[一两二三四1-4]"
    static let singleNumString = #"[一两俩二仨三四五六七八九十\d]"#
    static let yearDelta = deltaNumString + "[多余]?(周)?年(多)?" + I + "半年" + I + singleNumString + "年半"
    static let solarSeasonDelta = deltaNumString + "个(多)?季度"
    static let monthDelta = deltaNumString + "(多)?个(多)?月" + I + "(俩|三|仨)月" + I + "半(个(多)?)?月" + I + singleNumString + "个半月"
    static let workdayDelta = deltaNumString + "[多余]?(个)?(工作|交易)日"
    static let dayDelta = deltaNumString + "[多余]?[天日]" + I + "半天" + I + singleNumString + "天半"
    static let weekDelta = deltaNumString + "[多余]?((个(多)?)?(星期|礼拜)|周(?!年))" + I + "俩(星期|礼拜)"
    static let hourDelta = deltaNumString + "[多余]?(个(多)?)?(小时|钟头)" + I + "半(个(多)?)?(小时|钟头)" + I + "俩(小时|钟头)" + I + singleNumString + "个半(小时|钟头)"
    static let quarterDelta = quarterNumString + "刻钟"
    static let minuteDelta = deltaNumString + "[多余]?分(钟)?(半)?" + I + "半分钟" + I + singleNumString + "+分半(钟)?"
    static let secondDelta = deltaNumString + "[多余]?秒(钟)?"
    static let deltaSub = "([之以]?[内前后来])"

    static let standardDeltaString = "(" + [br(yearDelta), br(solarSeasonDelta), br(monthDelta), br(workdayDelta),
                                           br(dayDelta), br(weekDelta), br(hourDelta), br(minuteDelta), br(secondDelta)].joined(separator: I) + ")+"

    // time NER character rules
    /// The words of the time-character rule, in its order, and its class (its last branch).
    static let timeCharWords = "现在|开始|黎明|过去|未来|愚人|感恩|圣诞|情人|儿童|劳动|父亲|母亲|礼拜|霜降|立春|立冬|小寒|大寒|立夏|立秋|冬至"
    static let timeCharClass = #"[102年月日3589647时午至天上个分今下\:\-点晚前一小后周起内以底三晨钟来半两凌当十份季Qq去早多第五中初廿\.度二从六期旬到间四节号："# +
        #"代\~\—～春明昨星末秋之同·世纪本七九秒每次八夏/夜零正冬腊余工作元国清傍交易首 ()（）、万宵全暑头端庆旦－际消费者权益大里农阴历双财"# +
        #"近运深, ”夕〇几汛假壹无数白百刻许左右的这本]"#
    static let timeCharString = RxChoiceRun.pattern(notFirst: nil, words: timeCharWords, class: timeCharClass)
    static let fakePositiveTime = "点" + singleNumString + "$" + I + "点" + singleNumString + "(?![时分秒刻月日一两俩二仨三四五六七八九十\\d])"
    static let fakePositiveStart = #"[起到至以开－\—\-\~～]"#
    static let fakePositiveEnd = #"[到至－\—\-\~～\,]"#
}

/// Compiled patterns (static, compiled once).
enum TimePatterns {
    typealias S = TimeRuleStrings
    static let futureUnit = Rx("(年|月|周|星期|礼拜|日|号|节|时|点)")
    static let chineseChar = Rx("[一-龥]")
    static let superBlurTwoYMD = Rx("^前两(天|(个)?月|年)$")
    static let superBlurTwoHMS = Rx("^前两((个)?(小时|钟头)|分钟|秒(钟)?)$")
    static let spanSegYMtoYM = Rx(#"((17|18|19|20|21)\d{2})[./](1[012]|[0]?\d)[\-]((17|18|19|20|21)\d{2})([./](1[012]|[0]?\d))?"#)
    static let spanNoSegYMD = Rx(#"((17|18|19|20|21)\d{2})\-(1[012]|[0]?\d)[\-./](30|31|[012]?\d)|((17|18|19|20|21)\d{2})[\-./](1[012]|[0]?\d)\-(30|31|[012]?\d)|(^\d)(1[012]|[0]?\d)\-(30|31|[012]?\d)(^\d)"#)

    static let standardYMD = Rx(#"((17|18|19|20|21)\d{2})[\-./](1[012]|[0]?\d)([\-./](30|31|[012]?\d))?[ \t\u3000\-./]?|((17|18|19|20|21)\d{2} (1[012]|[0]?\d) (30|31|[012]?\d))|(1[012]|[0]?\d)[·\-/](30|31|[012]?\d)"#)
    static let standard2YMD = Rx(#"((18|19|20)\d{2})(1[012]|0\d)(3[01]|[012]\d)"#)
    static let standardYear = Rx(#"(17|18|19|20|21)\d{2}"#)
    static let yearMonthDay = Rx(br(S.yearString) + brA(S.monthString) + brA(S.dayString) + ab(S.timePointSuffix) + S.I +
                                 br(S.monthString) + brA(S.dayString) + ab(S.timePointSuffix) + S.I + br(S.dayString) + ab(S.timePointSuffix))
    static let yearSolarSeason = Rx(brA(S.yearString) + "(([第前后头Qq]?[一二三四1-4两]|首)(个)?季度([初末]|中(?!国))?)")
    static let limitYearSolarSeason = Rx(br(S.limitYearString) + "(([第前后头Qq]?[一二三四1-4两]|首)(个)?季度[初中末]?)")
    static let limitSolarSeason = Rx("([上下]+(一)?(个)?|本|这)季度[初中末]?")
    static let yearSpanMonth = Rx(brA(S.yearString) + "(([第前后头]" + S.monthNumString + "|首)(个)?月(份)?)")
    static let limitYearSpanMonth = Rx(br(S.limitYearString) + "(([第前后头]" + S.monthNumString + "|首)(个)?月(份)?)")
    static let yearBlurMonth = Rx(br(S.yearString) + "(年)?(初|[一]开年|伊始|末|尾|终|底)|" + brA(S.yearString) + "([上|下]半年|[暑寒][假期]|[前中后]期)")
    static let limitMonthDay = Rx(br(S.limitMonthString) + brA(S.dayString))
    static let limitMonthLimitSpanDay = Rx(br(S.limitMonthString) + br(S.limitSpanDayString))
    static let monthLimitSpanDay = Rx(br(S.monthString) + br(S.limitSpanDayString))
    static let limitMonthBlurDay = Rx(br(S.limitMonthString) + S.blurDayString)
    static let limitMonth = Rx(S.limitMonthString)
    static let limitYearBlurMonth = Rx("(" + br(S.limitYearString) + "(年)?|年)" + S.blurMonthString)
    static let limitYearMonthDay = Rx(br(S.limitYearString) + brA(S.monthString) + brA(S.dayString) + ab(S.timePointSuffix))
    static let blurYear = Rx(#"(\d{1,4}|[一二两三四五六七八九十百千]+)[几多]?年(半)?(多)?[以之]?[前后]|半年(多)?[以之]?[前|后]|几[十百千](多)?年[以之]?[前|后]"#)
    static let centuryYear = Rx(#"(公元(前)?)?(\d{1,2}|((二)?十)?[一二三四五六七八九]|(二)?十|上)世纪((\d0|[一二三四五六七八九]十)年代)?([初中末](期)?|前期|后期)?|(\d0|[一二三四五六七八九]十)年代([初中末](期)?|前期|后期)?"#)
    static let enumDay = Rx(brA(S.yearString) + brA(S.monthString) + br(S.dayString) + br("[、，, ]" + br(S.dayString)) + "+")
    static let lunarYearMonthDay = Rx([
        S.LU_A + brA(S.lunarYearString) + S.LU_A + brA(S.lunarMonthString) + S.selfEviLunarDayString,
        S.LU_A + brA(S.lunarYearString) + S.LU_A + br(S.selfEviLunarMonthString) + ab(S.lunarSolarDayString),
        br(S.lunarYearString) + S.LU + br(S.lunarMonthString) + br(S.dayString),
        S.LU + br(S.lunarYearString) + br(S.lunarMonthString),
        br(S.lunarYearString) + S.LU + br(S.lunarMonthString),
        S.LU_A + br(S.lunarMonthString) + S.lunarDayString,
        S.LU + br(S.lunarMonthString),
        S.LU + br(S.lunarYearString),
        S.LU + S.lunarDayString,
    ].joined(separator: S.I))
    static let lunarLimitYearMonthDay = Rx([
        S.LU_A + br(S.limitYearString) + S.LU_A + br(S.lunarMonthString) + S.selfEviLunarDayString,
        br(S.limitYearString) + S.LU_A + br(S.selfEviLunarMonthString) + ab(S.lunarSolarDayString),
        S.LU_A + br(S.limitYearString) + S.LU_A + br(S.lunarMonthString) + S.lunarDayString,
        S.LU + br(S.limitYearString),
        S.LU + br(S.limitYearString) + br(S.lunarMonthString),
        br(S.limitYearString) + S.LU + br(S.lunarMonthString),
    ].joined(separator: S.I))
    static let yearLunarSeason = Rx(brA(S.lunarYearString) + "[春夏秋冬][季天]|" + br(S.lunarYearString) + "[春夏秋冬]")
    static let limitYearLunarSeason = Rx(br(S.limitYearString) + "[春夏秋冬][季天]?")
    static let year24st = Rx(brA(S.lunarYearString) + S.solarTermString)
    static let yearMonthBlurDay = Rx(brA(S.lunarYearString) + br(S.monthString) + S.blurDayString)
    static let limitYearMonthBlurDay = Rx(br(S.limitYearString) + br(S.monthString) + S.blurDayString)
    static let standardWeekDay = Rx("(上+|下+|本|这)?(一)?(个)?(周)?" + S.weekString + "[一二三四五六日末天]")
    static let blurWeek = Rx("[前后]" + S.weekNumString + "(个)?" + S.weekString + S.I + S.weekNumString + "(个)?" + S.weekString + "(之)?[前后]" + S.I + "(上+|下+|本|这)?(一)?(个)?" + S.weekString)
    static let limitWeek = Rx(br(S.monthString) + "(的)?第[1-5一二三四五](个)?" + S.weekString + "[一二三四五六日末天]")
    static let yearMonthWeek = Rx(br(S.yearString) + br(S.monthString) + "的?第[1-5一二三四五](个)?" + S.weekString)
    static let limitYearMonthWeek = Rx(br(S.limitYearString) + br(S.monthString) + "的?第[1-5一二三四五](个)?" + S.weekString)
    static let monthWeek = Rx(br(S.monthString) + "(的)?第[1-5一二三四五](个)?" + S.weekString)
    static let limitMonthWeek = Rx(br(S.limitMonthString) + "(的)?第[1-5一二三四五](个)?" + S.weekString)
    static let yearWeek = Rx(br(S.yearString) + "第" + br(S.weekNumString) + "(个)?" + S.weekString)
    static let limitYearWeek = Rx(br(S.limitYearString) + "第" + br(S.weekNumString) + "(个)?" + S.weekString)
    static let numMonthNum = Rx("^" + S.monthNumString + "月" + #"([12]\d|3[01]|[0]?[1-9])"# + "$")
    static let yearFixedSolarFestival = Rx(brA(S.yearString) + S.fixedSolarFestival)
    static let limitYearFixedSolarFestival = Rx(br(S.limitYearString) + S.fixedSolarFestival)
    static let yearFixedLunarFestival = Rx(brA(S.yearString) + S.CONJ_A + S.LU_A + S.fixedLunarFestival)
    static let limitYearFixedLunarFestival = Rx(br(S.limitYearString) + S.CONJ_A + S.LU_A + S.fixedLunarFestival + ab(S.timePointSuffix))
    static let yearRegularSolarFestival = Rx(brA(S.yearString) + S.regularForeignFestival)
    static let limitYearRegularSolarFestival = Rx(brA(S.limitYearString) + S.regularForeignFestival)
    static let limitDay = Rx(S.limitDayString)
    static let limitSpanDay = Rx(S.limitSpanDayString)
    static let hourMinuteSecond = Rx(ab(S.blurHourString) + br(S.hourString) + brA(S.minSecString + "分?") + brA(S.minSecString + "秒") + ab(S.timePointSuffix) + S.I +
                                     br(S.minSecString + "分") + brA(S.minSecString + "秒") + ab(S.timePointSuffix))
    static let consecutiveBlurHour = Rx(ab(S.blurHourString) + br(S.consecutiveBlurHourString))
    static let numHourMinuteSecond = Rx(ab(S.blurHourString) + #"([01]\d|2[01234]|\d)[:：]([012345]\d)([:：]([012345]\d))?"# + ab(S.timePointSuffix) + "(时)?" + S.I +
                                        #"([012345]\d)[:：]([012345]\d)"# + ab(S.timePointSuffix) + "(时)?")
    static let blurHour = Rx(S.blurHourString)
    static let hourLimitMinute = Rx(ab(S.blurHourString) + br(S.hourString) + "([123一二三]刻|半)")

    // delta
    static let exceptionStandardDelta = Rx("(([12]\\d{3}|[一二三四五六七八九零〇]{2}|[一二三四五六七八九零〇]{4})年)")
    static let ambivalentDeltaPoint = Rx("(" + S.dayNumString + "日|\\d{2}年)")
    static let deltaNum = Rx(S.deltaNumString)
    static let yearDelta = Rx(br(S.yearDelta))
    static let solarSeasonDelta = Rx(br(S.solarSeasonDelta))
    static let monthDelta = Rx(br(S.monthDelta))
    static let workdayDelta = Rx(br(S.workdayDelta))
    static let dayDelta = Rx(br(S.dayDelta))
    static let weekDelta = Rx(br(S.weekDelta))
    static let hourDelta = Rx(br(S.hourDelta))
    static let quarterDelta = Rx(br(S.quarterDelta))
    static let minuteDelta = Rx(br(S.minuteDelta))
    static let secondDelta = Rx(br(S.secondDelta))
    static let standardDelta = Rx("^(" + [br(S.yearDelta), br(S.solarSeasonDelta), br(S.monthDelta), br(S.workdayDelta), br(S.dayDelta),
                                          br(S.weekDelta), br(S.hourDelta), br(S.quarterDelta), br(S.minuteDelta), br(S.secondDelta)].joined(separator: S.I) + ")+$")
    static let xianzai = Rx(S.nowString)
    static let weilaiDelta2Span = Rx("(未来|今后)(的)?" + S.standardDeltaString + "[里内]?")
    static let guoquDelta2Span = Rx("((过去)(的)?|(最)?近|([之提]?前))" + S.standardDeltaString + "[里内]?")
    static let guoDelta2Span = Rx("(再)?(过)" + S.standardDeltaString)
    static let lawDelta = Rx(S.deltaNumString + "(年|个月|日|天)(以[上下])" + brA("[、,，]?" + S.deltaNumString + "(年|个月|日|天)(以下)"))
    static let yearDeltaPoint = Rx(br(S.yearDelta) + S.deltaSub)
    static let solarSeasonDeltaPoint = Rx(br(S.solarSeasonDelta) + S.deltaSub)
    static let monthDeltaPoint = Rx(br(S.monthDelta) + S.deltaSub)
    static let workdayDeltaPoint = Rx(br(S.workdayDelta) + S.deltaSub)
    static let dayDeltaPoint = Rx(br(S.dayDelta) + S.deltaSub)
    static let weekDeltaPoint = Rx(br(S.weekDelta) + S.deltaSub)
    static let hourDeltaPoint = Rx(br(S.hourDelta) + S.deltaSub)
    static let quarterDeltaPoint = Rx(br(S.quarterDelta) + S.deltaSub)
    static let minuteDeltaPoint = Rx(br(S.minuteDelta) + S.deltaSub)
    static let secondDeltaPoint = Rx(br(S.secondDelta) + S.deltaSub)
    static let yearOrderDeltaPoint = Rx("第" + S.deltaNumString + "年")
    static let dayOrderDeltaPoint = Rx("第" + S.deltaNumString + "[天日]")
    static let yearDayOrderDeltaPoint = Rx(String(S.yearString.dropLast()) + "年?第" + S.deltaNumString + "[天日]")
    static let ymdMeta = Rx("[年月日号]")

    // unit sub-patterns
    static let year0 = Rx(#"([12]?\d{2,3}|[一二三四五六七八九零〇]{2,4})(?=年)"#)
    static let limitYear = Rx(#"(前(一)?|今|明|去|同|当|后|大前|本|次|上(一)?|这(一)?)(?=年)"#)
    static let blurYear1 = Rx(#"([12]?\d{1,4}|(?<!几)[一二两三四五六七八九十百千])[几多]?年(半)?(多)?[以之]?[前后]"#)
    static let blurYear2 = Rx("半年(多)?[以之]?[前后]")
    static let blurYear3 = Rx("几[十百千](多)?年[以之]?[前后]")
    static let century = Rx(#"(\d{1,2}|((二)?十)?[一二三四五六七八九]|(二)?十|上)(?=世纪)"#)
    static let decade = Rx(#"(\d0|[一二三四五六七八九]十)(?=年代)"#)
    static let yearNum = Rx("[一二两三四五六七八九十百千0-9]{1,4}")
    static let month0 = Rx(S.monthString)
    static let monthNum = Rx(S.monthNumString)
    static let spanMonth = Rx("([第前后头]([一二两三四五六七八九十]|十[一二]|[1-9]|1[012])|首)(个)?月(份)?")
    static let solarSeason = Rx("((([第前后头Qq][一二三四1-4两]|首)(个)?|[一二三四1-4])季度[初中末]?)")
    static let blurMonth = Rx(S.blurMonthString)
    static let lunarMonth = Rx(br(String(S.lunarMonthString.dropLast())) + "(?=月)")
    static let day0 = Rx(S.dayString)
    static let day2 = Rx("(前|今|明|同一|当|后|大大前|大大后|大前|大后|昨|次)(?=[天日晚])")
    static let blurDay = Rx(S.blurDayString)
    static let lunarDay = Rx(S.lunarDayString + "(?!月)")
    static let lunar24st = Rx(S.solarTermString)
    static let lunarSeason = Rx("([春夏秋冬][季天]?)")
    static let week1 = Rx("[前后][一二两三四五六七八九1-9](个)?" + S.weekString)
    static let week2 = Rx("[一两三四五六七八九1-9](个)?" + S.weekString + "(之)?[前后]")
    static let week3 = Rx("(上+|下+|本|这)(一)?(个)?" + S.weekString)
    static let week4 = Rx(S.weekString + "[一二三四五六日末天]")
    static let week5 = Rx("第" + S.weekNumString + "(个)?" + S.weekString)
    static let weekNum = Rx(S.weekNumString)
    static let ymdSegs = Rx(#"[\-.·/ ]"#)
    static let hour0 = Rx(#"((十)?[一两二三四五六七八九]|[零〇十]|二十[一二三四]?|[01]?\d|2[01234])(整|钟)?(?=[时点])"#)
    static let consecutiveHour = Rx("(一两|两三|三四|四五|五六|六七|七八|八九|九十)(?=[点])")
    static let minute0 = Rx("(?<=[时点])" + S.minSecString)
    static let limitMinute = Rx("(?<=[时点])([123一二三]刻|半)")
    static let second0 = Rx("(?<=分)" + S.minSecString)
    static let hmsSegs = Rx("[:：]")
    static let singleNum = Rx(S.singleNumString)

    // span split
    static let first1Span = Rx(#"(?<=(从|自))([^起到至\-—~～]+)(?=(起|到|至|以来|开始|—|－|-|~|～))|(?<=(从|自))([^起到至\-—~～]+)"#)
    static let first2Span = Rx("(.+)(?=(——|--|~~|－－|～～))")
    static let first3Span = Rx(#"([^起到至\-—~～]+)(?=(起|到|至|以来|开始|－|—|-|~|～))"#)
    static let first4Span = Rx("(.+)(?=(之后|以后)$)")
    static let first5Span = Rx("(.+)(?=(后)$)")
    static let second0Span = Rx("(?<=(以来|开始|——|--|~~|－－|～～))(.+)")
    static let second1Span = Rx(#"(?<=[起到至\-—~～－])([^起到至\-—~～－]+)(?=([之以]?前|止)$)"#)
    static let second2Span = Rx(#"(?<=[起到至\-—~～－])([^起到至\-—~～－]+)"#)
    static let second3Span = Rx(#"^((\d{1,2}|[一二两三四五六七八九十百千]+)[几多]?年(半)?(多)?|半年(多)?|几[十百千](多)?年)(?=([之以]?前|止)$)"#)

    static let firstDeltaSpan = Rx("([^到至\\-—~～]+)(?=(——|--|~~|～～|－－|到|至|－|—|-|~|～))")
    static let second1DeltaSpan = Rx("(?<=(——|--|~~|～～|－－))([^到至\\-—~～]+)")
    static let second2DeltaSpan = Rx("(?<=[到至－—\\-~～])([^到至－\\-—~～]+)")
    static let timeSpanDeltaCompensation = Rx("[\\d一两二三四五六七八九十百千万零]{1,10}(到|至|——|－－|--|~~|～～|—|－|-|~|～)([\\d一两二三四五六七八九十百千万零]{1,10}(年|个月|周|(个)?(星期|礼拜)|日|天|(个)?(小时|钟头)|分钟|秒))")
    static let timeDeltaException = Rx("(" + br(S.yearString) + S.I + br(S.dayString) + ")")
    static let specialTimeDelta = Rx("(" + S.singleNumString + "天" + S.singleNumString + "[夜晚]|" + S.singleNumString + "+[个载度]春秋|一年四季|大半(天|年|(个)?(月|小时|钟头)))")
    static let specialTimeSpan = Rx("(今明两[天年]|全[天月年])")

    static let periodTime = Rx("每((间)?隔)?([一二两三四五六七八九十0-9]+|半)?(年|(个)?季度|(个)?月|(个)?(星期|礼拜)|(个)?周|((个)?工作)?日|天|(个)?(小时|钟头)|分(钟)?|秒(钟)?)")
    static let timeSpanPointCompensation = Rx(ab(S.blurHourString) + "(?!:)[\\d一二三四五六七八九十零]{1,2}[月日号点时]?(半|[13一三]刻|[\\d一二三四五六七八九十零]{1,2}分)?(到|至|——|－－|--|~~|～～|—|－|-|~|～)([\\d一二三四五六七八九十零]{1,2}[月日号点时](半|[13一三]刻|[\\d一二三四五六七八九十零]{1,2}分?)?|[\\d一二三四五六七八九十零]{2,4}年)")

    // extractor
    static let timeChar = Rx(S.timeCharString)
    /// `timeChar` scanned without ICU (its parts are constants of that form; `RxChoiceRunTests`
    /// compares the scan with ICU).
    static let timeCharRun = RxChoiceRun(notFirst: nil, words: S.timeCharWords, class: S.timeCharClass, alphabet: timeChar.alphabet)!
    static let fakePositiveTime = Rx(S.fakePositiveTime)
    static let fakeStart = Rx(S.fakePositiveStart)
    static let fakeEnd = Rx(S.fakePositiveEnd)
}
