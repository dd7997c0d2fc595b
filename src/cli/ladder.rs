//! `cti-outcome ladder CALL FILE…`: one call and the calls linked to it as a text ladder, the
//! text the page's "Timeline as text" exports.

use cti_outcome::store::{Form, Store};
use cti_outcome::view::event::{frame_event, text_event};
use cti_outcome::view::ladder::{ladder_text, Flow, Step};
use cti_outcome::view::timeline::{timeline, Call};

use super::{collection, output, Decoded, Input, Owned};

pub fn ladder(parser: &mut lexopt::Parser) -> Result<(), String> {
    let mut input = Input::default();
    let (mut key, mut relative) = (None, false);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())?.map(Owned::from) {
        match arg {
            Owned::Long(l) if l == "relative" => relative = true,
            Owned::Value(v) if key.is_none() => key = Some(v.to_string_lossy().into_owned()),
            arg => {
                if !input.take(parser, &arg)? {
                    return Err(format!("ladder: unexpected {}", arg.describe()));
                }
            }
        }
    }
    let key =
        key.ok_or("ladder: missing CALL (a call's key, as `timeline --summary` lists them)")?;
    let name = input.file.as_ref().map_or_else(String::new, |f| {
        let path = std::path::Path::new(f);
        path.file_name()
            .unwrap_or(f.as_os_str())
            .to_string_lossy()
            .into_owned()
    });
    let log = match input.decode("ladder")? {
        Decoded::One(log, _) => log,
        Decoded::Collection(collected) => {
            collection::none_read("ladder", &collected)?;
            collected.log
        }
    };
    let store = log.store();
    let view = timeline(store, log.timeline());
    let find = |key: &str| view.calls.iter().find(|c| c.key == key);
    let call = find(&key).ok_or_else(|| {
        let keys: Vec<&str> = view.calls.iter().take(8).map(|c| c.key.as_str()).collect();
        let more = if view.calls.len() > 8 { ", …" } else { "" };
        format!(
            "ladder: no call {key:?} in the log; its calls are {}{more}",
            keys.join(", ")
        )
    })?;
    let flows = flows_of(store, call, |key| find(key));
    let title = format!(
        "Call {} · {} · {name}",
        call.key,
        call.outcome.kind.as_str()
    );
    output::write_bytes(ladder_text(&flows, store.notes(), &title, relative).as_bytes())
}

/// The call's events as the ladder reads them.
fn steps<'s>(store: &'s Store, call: &Call) -> Vec<Step<'s>> {
    let step = |i: u32| {
        let e = store.event(i as usize);
        if store.form() == Form::Text {
            let t = text_event(e);
            Step {
                index: i,
                type_name: t.type_name.into_owned(),
                time: t.time.map(Into::into),
                lines: Some((t.line, t.end_line)),
                from: None,
                fields: t.fields,
            }
        } else {
            let f = frame_event(e);
            Step {
                index: i,
                type_name: f.type_name.into_owned(),
                time: f.time,
                lines: None,
                from: f.from,
                fields: f.fields,
            }
        }
    };
    call.events.iter().map(|&i| step(i)).collect()
}

/// The call, then the calls linked to it, each once, with its kinds of link (`consult,
/// transfer`), as the page lists them.
fn flows_of<'a>(
    store: &'a Store,
    call: &'a Call,
    find: impl Fn(&str) -> Option<&'a Call>,
) -> Vec<Flow<'a>> {
    let mut flows = vec![Flow {
        call,
        steps: steps(store, call),
        link: None,
    }];
    let mut linked: Vec<(&str, String)> = Vec::new();
    for l in &call.links {
        let kind = serde_json::to_value(l.kind)
            .ok()
            .and_then(|v| v.as_str().map(|s| s.replacen('_', " ", 1)))
            .unwrap_or_default();
        match linked.iter_mut().find(|(k, _)| *k == l.call) {
            Some((_, kinds)) => *kinds = format!("{kinds}, {kind}"),
            None => linked.push((&l.call, kind)),
        }
    }
    for (other, kinds) in linked {
        if let Some(other) = find(other) {
            flows.push(Flow {
                call: other,
                steps: steps(store, other),
                link: Some(kinds),
            });
        }
    }
    flows
}
