import Foundation

/// A reference time given field by field (JioNLP accepts partial bases such as `{'year': 2021}`
/// or `[2019, 2, 18, 7]`). Missing fields are unknown; rules needing them fail.
public struct TimeBase: Sendable, Equatable, Codable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?
    public var second: Int?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil, second: Int? = nil) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
    }

    /// Full base from an instant, read in Asia/Shanghai.
    public init(date: Date, timeZone: TimeZone = TimeParser.shanghai) {
        let h = NaiveDateTime.fromDate(date, timeZone: timeZone).handler
        self.init(year: h[0], month: h[1], day: h[2], hour: h[3], minute: h[4], second: h[5])
    }

    var handler: [Int] { [year ?? -1, month ?? -1, day ?? -1, hour ?? -1, minute ?? -1, second ?? -1] }
}

/// The point of a `time_period` (JioNLP's `point`): the first instance, or `times` when several
/// instances were requested (`periodResultsNum`).
public struct TimePeriodPoint: Sendable, Equatable, Codable {
    /// [start, end] of the first instance (nil when the point could not be resolved).
    public var time: [String]?
    /// Several instances [[start, end], ...] (only with `periodResultsNum`).
    public var times: [[String]]?
    /// The point text, e.g. "周六上午9点".
    public var string: String
}

/// JioNLP's `time_period` value: repetition interval plus optional point.
public struct TimePeriod: Sendable, Equatable, Codable {
    public var delta: [String: Double]
    public var point: TimePeriodPoint?
}

/// Result of `TimeParser.parse`, shaped like JioNLP's `parse_time` output.
public struct TimeParse: Sendable, Equatable, Codable {
    /// "time_point", "time_span", "time_period" or "time_delta".
    public var type: String
    /// "accurate" or "blur".
    public var definition: String
    /// [start, end] as "YYYY-MM-DD HH:MM:SS" ("-inf"/"inf" for open ends). In open-year mode the
    /// year may be "XXXX". nil for time_delta / time_period.
    public var time: [String]?
    /// time_delta: e.g. ["day": 28] ("workday" for 工作日/交易日).
    public var delta: [String: Double]?
    /// time_delta ranges ("10~20天", "2年以上5年以下"): two dictionaries; JioNLP's
    /// `{'zero': True}` / `{'infinite': True}` appear as ["zero": 1] / ["infinite": 1].
    public var deltaRange: [[String: Double]]?
    /// time_period details.
    public var period: TimePeriod?

    public init(type: String, definition: String, time: [String]? = nil, delta: [String: Double]? = nil,
                deltaRange: [[String: Double]]? = nil, period: TimePeriod? = nil) {
        self.type = type; self.definition = definition; self.time = time
        self.delta = delta; self.deltaRange = deltaRange; self.period = period
    }
}
