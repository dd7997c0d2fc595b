//! The times trace records are written with (`cisco-logs.md`): Finesse's full date and UTC
//! offset (§1.1), MIVR's date without a year and its zone's name (§2.1), `dumplog`'s time of
//! day under an `Events from <date>` line (§3.1).

use crate::time::days_from_civil;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month by its English name or its first three letters (ASCII case ignored): 1–12.
pub(crate) fn month(name: &str) -> Option<u8> {
    if name.len() < 3 {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            if lower.len() == 3 {
                m.starts_with(&lower)
            } else {
                *m == lower
            }
        })
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `HH:MM:SS` with `.mmm` or `:mmm` (the `/ms` form of `dumplog`): milliseconds since midnight.
pub(crate) fn time_of_day(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let (h, m, sec) = (digits(&s[0..2])?, digits(&s[3..5])?, digits(&s[6..8])?);
    let ms = match b.get(8) {
        None => 0,
        Some(b'.' | b':' | b',') => {
            let frac = &s[9..];
            let mut ms = digits(frac)?;
            for _ in frac.len()..3 {
                ms *= 10;
            }
            for _ in 3..frac.len() {
                ms /= 10;
            }
            ms
        }
        Some(_) => return None,
    };
    (h < 24 && m < 60 && sec < 61).then_some(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

/// Finesse's `Mon DD YYYY HH:MM:SS.mmm ±HHMM`: milliseconds since 1970 UTC.
pub(crate) fn finesse(s: &str) -> Option<i64> {
    let mut parts = s.split_ascii_whitespace();
    let month = month(parts.next()?)?;
    let day = digits(parts.next()?)?;
    let year = digits(parts.next()?)?;
    let in_day = time_of_day(parts.next()?)?;
    let zone = parts.next()?;
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let zone = zone[1..].replace(':', "");
    let (hh, mm) = (digits(zone.get(..2)?)?, digits(zone.get(2..4)?)?);
    let days = days_from_civil(year, i64::from(month), day);
    Some(days * 86_400_000 + in_day - sign * (hh * 60 + mm) * 60_000)
}

/// MIVR's `Mon DD HH:MM:SS.mmm ZONE`: the month, the day, and milliseconds since midnight (of
/// the zone's wall clock: zone names are not turned into offsets, no source gives them).
#[cfg(feature = "mivr")]
pub(crate) fn mivr(s: &str) -> Option<(u8, i64, i64)> {
    let mut parts = s.split_ascii_whitespace();
    let month = month(parts.next()?)?;
    let day = digits(parts.next()?)?;
    let in_day = time_of_day(parts.next()?)?;
    (1..=31).contains(&day).then_some((month, day, in_day))
}

/// Days since 1970 of a date in `year`.
#[cfg(feature = "mivr")]
pub(crate) fn days(year: i32, month: u8, day: i64) -> i64 {
    days_from_civil(i64::from(year), i64::from(month), day)
}

/// `dumplog`'s `February 8, 2007`: days since 1970.
#[cfg(feature = "dumplog")]
pub(crate) fn long_date(s: &str) -> Option<i64> {
    let mut parts = s.split_ascii_whitespace();
    let month = month(parts.next()?)?;
    let day = digits(parts.next()?.trim_end_matches(','))?;
    let year = digits(parts.next()?)?;
    (1..=31)
        .contains(&day)
        .then(|| days_from_civil(year, i64::from(month), day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::traces::Year;

    #[test]
    fn each_trace_time_is_read() {
        // 2014-09-22 21:34:59.888 UTC.
        assert_eq!(
            finesse("Sep 22 2014 14:34:59.888 -0700"),
            Some(1_411_421_699_888)
        );
        assert_eq!(
            finesse("Apr 14 2017 14:01:17.196 +0000"),
            Some(1_492_178_477_196)
        );
        assert_eq!(mivr("Nov 20 10:43:59.435 EDT"), Some((11, 20, 38_639_435)));
        assert_eq!(time_of_day("22:21:22:921"), Some(80_482_921));
        assert_eq!(time_of_day("00:37:44"), Some(2_264_000));
        assert_eq!(long_date("February 8, 2007"), Some(13_552));
        assert_eq!(month("Sep"), Some(9));
        assert_eq!(month("SEPTEMBER"), Some(9));
        assert_eq!(month("Sept"), None);
        for bad in [
            "",
            "Sep 22",
            "Xyz 22 2014 14:34:59.888 -0700",
            "Sep 22 2014 25:00:00 -0700",
        ] {
            assert_eq!(finesse(bad), None, "{bad}");
        }
        let year = Year {
            year: 2026,
            month: Some(1),
        };
        assert_eq!(
            (year.of(1), year.of(12)),
            (2026, 2025),
            "December is last year's"
        );
    }
}
