//! Telling a trace line by its prefix (`cisco-logs.md` §1.1, §2.1, §3.1).

use super::find_byte;
use crate::text::{trim, trim_end, trim_start};

/// What a line's prefix says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prefix<'a> {
    /// A Finesse record (§1.1): the time as written, the mnemonic, and what follows its `: `.
    Finesse {
        time: &'a str,
        mnemonic: &'a str,
        rest: &'a str,
    },
    /// A MIVR record (§2.1): the time as written, the subsystem, and the message.
    Mivr {
        time: &'a str,
        subsystem: &'a str,
        rest: &'a str,
    },
    /// A `dumplog` line (§3.1): `HH:MM:SS[:mmm] component-process message`.
    Dumplog {
        time: &'a str,
        process: &'a str,
        rest: &'a str,
    },
    /// `Events from <Month D, YYYY>`: the date of the `dumplog` lines after it.
    EventsFrom(&'a str),
    /// No prefix: a further line of the record before it, or of something else.
    None,
}

/// Tells a line's prefix. A trace's lines start with a sequence number, a time or a
/// `dumplog` time; the tag (`%CCBU_`, `%MIVR-`) follows within the first few dozen bytes.
pub(crate) fn prefix(line: &str) -> Prefix<'_> {
    let b = line.as_bytes();
    if let Some(p) = dumplog(line) {
        return p;
    }
    if b.first().is_some_and(u8::is_ascii_alphanumeric) {
        let window = &b[..b.len().min(96)];
        if let Some(at) = memchr::memchr(b'%', window) {
            if b[at..].starts_with(b"%CCBU_") {
                if let Some(p) = finesse(line, at) {
                    return p;
                }
            } else if b[at..].starts_with(b"%MIVR-") {
                if let Some(p) = mivr(line, at) {
                    return p;
                }
            }
        }
        if let Some(date) = line.strip_prefix("Events from ") {
            return Prefix::EventsFrom(date.trim());
        }
    }
    Prefix::None
}

/// The prefix of a line whose `%` at `at` starts `%CCBU_`.
fn finesse(line: &str, at: usize) -> Option<Prefix<'_>> {
    // The time is the last `: `-separated piece before the tag (after an optional sequence
    // number and server address, §1.1).
    let before = trim_end(&line[..at]).strip_suffix(':')?;
    let time = trim(after_last_colon_space(before));
    let tag_start = at + "%CCBU_".len();
    let tag_len = colon_space(&line[tag_start..])
        .or_else(|| line[tag_start..].strip_suffix(':').map(str::len))?;
    let tag = &line[tag_start..tag_start + tag_len];
    // `<thread>-<severity digit>-<MNEMONIC>`: the thread may hold `-`, so the last
    // `-<digit>-` ends it.
    let b = tag.as_bytes();
    let cut = (0..b.len().saturating_sub(2))
        .rev()
        .find(|&i| b[i] == b'-' && b[i + 1].is_ascii_digit() && b[i + 2] == b'-')?;
    let rest = line.get(tag_start + tag_len + 2..).unwrap_or("");
    Some(Prefix::Finesse {
        time,
        mnemonic: &tag[cut + 3..],
        rest,
    })
}

/// The prefix of a line whose `%` at `at` starts `%MIVR-`.
fn mivr(line: &str, at: usize) -> Option<Prefix<'_>> {
    let before = trim_end(&line[..at]);
    let time = trim(after_last_colon_space(before));
    let tag = &line[at + "%MIVR-".len()..];
    let dash = find_byte(tag, b'-')?;
    let colon = find_byte(tag, b':')?;
    (dash < colon).then(|| Prefix::Mivr {
        time,
        subsystem: &tag[..dash],
        rest: trim_start(&tag[colon + 1..]),
    })
}

/// Where the first `": "` in `s` is. Every line of a trace asks, so memchr's search for the
/// colon, rather than a `str` pattern's searcher built for each line.
pub(super) fn colon_space(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b':', b).find(|&i| b.get(i + 1) == Some(&b' '))
}

/// `s` after its last `": "`, or all of it.
fn after_last_colon_space(s: &str) -> &str {
    let b = s.as_bytes();
    memchr::memrchr_iter(b':', b)
        .find(|&i| b.get(i + 1) == Some(&b' '))
        // Both bytes are ASCII: `i + 2` is a char boundary.
        .map_or(s, |i| &s[i + 2..])
}

/// The prefix of a `dumplog` line: a time, then a `component-process` token.
fn dumplog(line: &str) -> Option<Prefix<'_>> {
    let b = line.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if !(digit(0) && digit(1) && b.get(2) == Some(&b':') && digit(3) && digit(4)) {
        return None;
    }
    if !(b.get(5) == Some(&b':') && digit(6) && digit(7)) {
        return None;
    }
    let mut end = 8;
    if b.get(8) == Some(&b':') && digit(9) && digit(10) && digit(11) {
        end = 12;
    }
    if b.get(end) != Some(&b' ') {
        return None;
    }
    let after = &line[end + 1..];
    let process_len = find_byte(after, b' ').unwrap_or(after.len());
    let process = &after[..process_len];
    // `cg1A-ctisvr`, `ra-rtr`, `pg2B-opc`: a component and a process joined by `-`.
    if find_byte(process, b'-').is_none() || process.starts_with("MsgType") {
        return None;
    }
    Some(Prefix::Dumplog {
        time: &line[..end],
        process,
        rest: trim_start(&after[process_len..]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_is_read_in_both_variants() {
        let a = "Sep 22 2014 14:34:59.888 -0700: %CCBU_CTIMessageEventExecutor-0-6-DECODED_MESSAGE_FROM_CTI_SERVER: %[x=1]: y";
        let b = "0051203603: 10.106.81.82: Apr 14 2017 14:01:17.196 -0700: %CCBU_pool-21-thread-1-3-QUEUE STATISTICS POLLING ERROR: z";
        for (line, time, mnemonic) in [
            (
                a,
                "Sep 22 2014 14:34:59.888 -0700",
                "DECODED_MESSAGE_FROM_CTI_SERVER",
            ),
            (
                b,
                "Apr 14 2017 14:01:17.196 -0700",
                "QUEUE STATISTICS POLLING ERROR",
            ),
        ] {
            let at = line.find('%').unwrap();
            match finesse(line, at) {
                Some(Prefix::Finesse {
                    time: t,
                    mnemonic: m,
                    ..
                }) => {
                    assert_eq!((t, m), (time, mnemonic));
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn prefixes_are_told() {
        match dumplog("22:21:22:921 cg1A-ctisvr SESSION 9: MsgType:X (InvokeID:0x1") {
            Some(Prefix::Dumplog {
                time,
                process,
                rest,
            }) => {
                assert_eq!((time, process), ("22:21:22:921", "cg1A-ctisvr"));
                assert!(rest.starts_with("SESSION 9:"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            prefix("00:37:44 ra-rtr MDS is in service."),
            Prefix::Dumplog { .. }
        ));
        assert_eq!(
            prefix("Events from February 8, 2007"),
            Prefix::EventsFrom("February 8, 2007")
        );
        assert_eq!(prefix("  CallID = 604"), Prefix::None);
        assert_eq!(dumplog("10:43:59 MsgType: BEGIN_CALL_EVENT"), None);
        assert_eq!(dumplog("12: Sep 22 2014"), None);
    }
}
