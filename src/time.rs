//! Time: timestamps as logs write them → milliseconds, and instants → UTC dates for output.

/// Milliseconds of a timestamp written as `YYYY-MM-DD[T ]HH:MM:SS[.fff][Z|±HH[:MM]]` (since
/// 1970-01-01 00:00 UTC; no zone means UTC) or `HH:MM:SS[.fff]` (since midnight, day unknown).
///
/// Two values are comparable only when both have a date or both do not: see [`between`].
#[must_use]
pub fn parse(b: &[u8]) -> Option<Stamp> {
    let (days, rest) = if b.len() >= 11 && b[4] == b'-' && b[7] == b'-' {
        let days = days_from_civil(num(b, 0, 4)?, num(b, 5, 2)?, num(b, 8, 2)?);
        (Some(days), &b[11..])
    } else {
        (None, b)
    };
    let (h, m, s) = (num(rest, 0, 2)?, num(rest, 3, 2)?, num(rest, 6, 2)?);
    let mut at = 8;
    let mut ms = 0;
    if matches!(rest.get(at), Some(b'.' | b',')) {
        at += 1;
        let start = at;
        while rest.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        // Keep three digits of the fraction: pad or cut.
        for i in 0..3 {
            let digit = if start + i < at {
                rest[start + i] - b'0'
            } else {
                0
            };
            ms = ms * 10 + i64::from(digit);
        }
    }
    let offset_min = match rest.get(at) {
        Some(&sign @ (b'+' | b'-')) => {
            let hh = num(rest, at + 1, 2)?;
            let mm = match rest.get(at + 3) {
                Some(b':') => num(rest, at + 4, 2)?,
                Some(_) => num(rest, at + 3, 2)?,
                None => 0,
            };
            if sign == b'+' {
                hh * 60 + mm
            } else {
                -(hh * 60 + mm)
            }
        }
        _ => 0,
    };
    let in_day = ((h * 60 + m - offset_min) * 60 + s) * 1000 + ms;
    Some(match days {
        Some(days) => Stamp::Absolute(days * 86_400_000 + in_day),
        None => Stamp::TimeOfDay(in_day),
    })
}

/// A parsed timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// Milliseconds since 1970-01-01 00:00 UTC.
    Absolute(i64),
    /// Milliseconds since midnight of an unwritten day.
    TimeOfDay(i64),
}

/// Milliseconds from `a` to `b` when both are of the same form and `b` is not earlier.
/// (A time-of-day pair that goes backwards is taken as crossing midnight once.)
#[must_use]
pub fn between(a: Stamp, b: Stamp) -> Option<u64> {
    let diff = match (a, b) {
        (Stamp::Absolute(a), Stamp::Absolute(b)) => b - a,
        (Stamp::TimeOfDay(a), Stamp::TimeOfDay(b)) if b >= a => b - a,
        (Stamp::TimeOfDay(a), Stamp::TimeOfDay(b)) => b + 86_400_000 - a,
        _ => return None,
    };
    u64::try_from(diff).ok()
}

fn num(b: &[u8], from: usize, n: usize) -> Option<i64> {
    let digits = b.get(from..from + n)?;
    digits.iter().try_fold(0i64, |acc, &d| {
        d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0'))
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Milliseconds since 1970-01-01 00:00 UTC as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
#[must_use]
pub fn iso_millis(ms: i64) -> String {
    let parts = parts(ms);
    let [year, month, day, h, min, s, milli] = parts;
    if !(0..=9999).contains(&year) {
        return formatted(parts);
    }
    // Four-digit years (every log's): the digits written directly, without the formatting
    // machinery (a call list writes one per call, an event list one per event).
    let mut out = *b"0000-00-00T00:00:00.000Z";
    for (at, n) in [
        (0..4, year),
        (5..7, month),
        (8..10, day),
        (11..13, h),
        (14..16, min),
        (17..19, s),
        (20..23, milli),
    ] {
        digits(&mut out[at], n);
    }
    std::str::from_utf8(&out).unwrap_or_default().to_owned()
}

/// Year, month, day, hour, minute, second and millisecond of milliseconds since 1970-01-01
/// 00:00 UTC.
fn parts(ms: i64) -> [i64; 7] {
    let (days, in_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (year, month, day) = civil_from_days(days);
    [
        year,
        month,
        day,
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000,
    ]
}

/// [`iso_millis`] by the formatting machinery: for a year beyond four digits.
fn formatted([year, month, day, h, min, s, milli]: [i64; 7]) -> String {
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

/// Writes `n` (not negative) into `out` in decimal, right-aligned, its high digits cut if it
/// has more than `out` holds. Not inlined: one copy of the loop, not one per field.
#[inline(never)]
fn digits(out: &mut [u8], mut n: i64) {
    for b in out.iter_mut().rev() {
        *b = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
    }
}

/// Whether `b` is exactly [`iso_millis`] of the milliseconds [`parse`] reads from it: the
/// layout `YYYY-MM-DDTHH:MM:SS.mmmZ` with every part in its range (a day the calendar has), so
/// that a store can write the text again from the number rather than keep it.
#[must_use]
pub fn is_iso_millis(b: &[u8]) -> bool {
    let [_, _, _, _, b'-', _, _, b'-', _, _, b'T', _, _, b':', _, _, b':', _, _, b'.', _, _, _, b'Z'] =
        b
    else {
        return false;
    };
    let part = |from, n| num(b, from, n);
    let (Some(year), Some(month), Some(day), Some(hour), Some(min), Some(sec), Some(_)) = (
        part(0, 4),
        part(5, 2),
        part(8, 2),
        part(11, 2),
        part(14, 2),
        part(17, 2),
        part(20, 3),
    ) else {
        return false;
    };
    // The days of the month in the proleptic Gregorian calendar (what `civil_from_days` and
    // `days_from_civil` count in), checked without converting: every event of a log asks.
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = match month {
        2 => 28 + i64::from(leap),
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    hour < 24
        && min < 60
        && sec < 60
        && (1..=12).contains(&month)
        && (1..=month_days).contains(&day)
}

/// Seconds since 1970-01-01 00:00 UTC as `YYYY-MM-DDTHH:MM:SSZ`.
#[must_use]
pub fn utc_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's
/// `civil_from_days`).
#[must_use]
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_millis_writes_what_the_formatter_writes() {
        // Year 0 to 9999 in steps that cross milliseconds, seconds, days, months and leap years,
        // and the edges on either side of the four-digit years.
        let first = days_from_civil(0, 1, 1) * 86_400_000;
        let last = days_from_civil(10_000, 1, 1) * 86_400_000;
        let mut ms = first - 86_400_000;
        while ms < last + 86_400_000 {
            assert_eq!(iso_millis(ms), formatted(parts(ms)), "{ms}");
            ms += 3_600_000 * 24 * 7 + 61_001;
        }
        for ms in [
            first,
            first - 1,
            last - 1,
            last,
            0,
            -1,
            951_782_400_000,
            4_107_542_399_999,
        ] {
            assert_eq!(iso_millis(ms), formatted(parts(ms)), "{ms}");
        }
        assert_eq!(iso_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_millis(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn every_written_form_parses() {
        assert_eq!(
            parse(b"1970-01-02T00:00:01.5Z"),
            Some(Stamp::Absolute(86_401_500))
        );
        assert_eq!(
            parse(b"2024-05-01 10:00:01.500"),
            parse(b"2024-05-01T12:00:01.5+02:00")
        );
        assert_eq!(parse(b"10:00:02.250"), Some(Stamp::TimeOfDay(36_002_250)));
        assert_eq!(parse(b"10:00"), None);
    }

    #[test]
    fn only_what_iso_millis_writes_is_written_again() {
        // Every millisecond's text from 1970 to 9999 in steps that cross days, months and leap
        // years: it is iso_millis of what parse reads.
        let mut ms = 0i64;
        while ms < 253_402_300_800_000 {
            let text = iso_millis(ms);
            assert!(is_iso_millis(text.as_bytes()), "{text}");
            assert_eq!(parse(text.as_bytes()), Some(Stamp::Absolute(ms)));
            ms += 86_399_999 * 7 + 3_601_001;
        }
        for text in [
            "2024-02-29T08:00:00.000Z",
            "2000-02-29T23:59:59.999Z",
            "0000-01-01T00:00:00.000Z",
        ] {
            assert!(is_iso_millis(text.as_bytes()), "{text}");
            assert_eq!(iso_millis(ms_of(text)), text);
        }
        // Texts parse reads but iso_millis would not write back as they are.
        for text in [
            "2023-02-29T08:00:00.000Z",
            "2024-04-31T08:00:00.000Z",
            "2024-13-01T08:00:00.000Z",
            "2024-00-01T08:00:00.000Z",
            "2024-05-00T08:00:00.000Z",
            "2024-05-01T24:00:00.000Z",
            "2024-05-01T08:60:00.000Z",
            "2024-05-01T08:00:60.000Z",
            "2024-05-01T08:00:00.00Z",
            "2024-05-01T08:00:00.0000Z",
            "2024-05-01T08:00:00.000",
            "2024-05-01 08:00:00.000Z",
            "2024-05-01T08:00:00,000Z",
            "2024-05-01T08:00:00.000+00",
            "2024-05-01T08:00:00.0a0Z",
            "+024-05-01T08:00:00.000Z",
        ] {
            assert!(!is_iso_millis(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn month_ends_are_the_calendars() {
        // The last days of every month of every four-digit year: taken exactly when the
        // calendar has the day (a round trip through days since 1970 keeps it).
        for year in 0..=9999 {
            for month in 1..=12 {
                for day in 28..=32 {
                    let text = format!("{year:04}-{month:02}-{day:02}T12:00:00.000Z");
                    let has =
                        civil_from_days(days_from_civil(year, month, day)) == (year, month, day);
                    assert_eq!(is_iso_millis(text.as_bytes()), has, "{text}");
                }
            }
        }
    }

    fn ms_of(text: &str) -> i64 {
        match parse(text.as_bytes()) {
            Some(Stamp::Absolute(ms)) => ms,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn instants_print_as_utc_dates() {
        assert_eq!(iso_millis(1_714_550_400_000), "2024-05-01T08:00:00.000Z");
        assert_eq!(
            iso_millis(1_714_550_400_000 + 86_400_000 * 31 + 1),
            "2024-06-01T08:00:00.001Z"
        );
        assert_eq!(utc_date(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_date(4_294_967_295), "2106-02-07T06:28:15Z");
    }

    #[test]
    fn differences_need_the_same_form() {
        let (a, b) = (parse(b"23:59:59").unwrap(), parse(b"00:00:01").unwrap());
        assert_eq!(between(a, b), Some(2000));
        let day = parse(b"2024-05-01T00:00:00Z").unwrap();
        assert_eq!(between(a, day), None);
        assert_eq!(between(day, parse(b"2024-04-30T23:59:59Z").unwrap()), None);
    }
}
