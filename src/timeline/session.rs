//! The CTI session around the calls: each request matched to its confirmation by InvokeID
//! (reference §1.1: every request carries an InvokeID that its confirmation, or a FAILURE_CONF /
//! CONTROL_FAILURE_CONF, repeats), and the events that say how the session and the peripheral
//! are (FAILURE_EVENT, SYSTEM_EVENT).

use rustc_hash::FxHashMap;

use crate::codes::fields::FieldId;
use crate::codes::message_types::{self, id};
use crate::store::{EventType, FieldRef, Store};

/// One request and the reply to it, if one came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Exchange {
    /// The request event.
    pub request: u32,
    /// Its InvokeID.
    pub invoke_id: u32,
    /// The confirmation (or failure) event with the same InvokeID.
    pub reply: Option<u32>,
}

/// What a stream says about its session.
#[derive(Clone, Debug, Default)]
pub(crate) struct SessionState {
    /// Requests in the order they were sent.
    pub exchanges: Vec<Exchange>,
    /// Requests not answered yet: InvokeID → index in `exchanges`.
    pending: FxHashMap<u32, usize>,
    /// Replies whose request is not in the log.
    pub unmatched: Vec<u32>,
    /// FAILURE_EVENT and SYSTEM_EVENT events.
    pub notices: Vec<u32>,
    /// Roles by message type, worked out at first sight.
    roles: Vec<Role>,
}

/// What part an event plays in the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Unknown,
    Request,
    Reply,
    Notice,
    None,
}

/// The role of message type `number`, from its §2.1 name.
fn role_of(number: u16) -> Role {
    let Some(name) = message_types::name_of(number) else {
        return Role::None;
    };
    if number == id::FAILURE_EVENT || number == id::SYSTEM_EVENT {
        return Role::Notice;
    }
    let base = name.strip_suffix("_MSG").unwrap_or(name);
    if base.ends_with("_REQ") {
        Role::Request
    } else if base.ends_with("_CONF") || base.ends_with("_RESP") {
        Role::Reply
    } else {
        Role::None
    }
}

impl SessionState {
    /// Takes in one event; returns whether it was part of the session.
    pub fn absorb(&mut self, store: &Store, index: u32, fields: &[FieldRef]) -> bool {
        let EventType::Id(number) = store.event(index as usize).ty() else {
            return false;
        };
        let Ok(number) = u16::try_from(number) else {
            return false;
        };
        let at = usize::from(number);
        if self.roles.len() <= at {
            self.roles.resize(at + 1, Role::Unknown);
        }
        if self.roles[at] == Role::Unknown {
            self.roles[at] = role_of(number);
        }
        let invoke = || {
            super::find(fields, FieldId::InvokeID)
                .and_then(|f| f.value.number())
                .and_then(|n| u32::try_from(n).ok())
        };
        match self.roles[at] {
            Role::Request => {
                let Some(invoke_id) = invoke() else {
                    return false;
                };
                self.pending.insert(invoke_id, self.exchanges.len());
                self.exchanges.push(Exchange {
                    request: index,
                    invoke_id,
                    reply: None,
                });
            }
            Role::Reply => {
                let Some(invoke_id) = invoke() else {
                    return false;
                };
                match self.pending.remove(&invoke_id) {
                    Some(at) => self.exchanges[at].reply = Some(index),
                    None => self.unmatched.push(index),
                }
            }
            Role::Notice => self.notices.push(index),
            Role::None | Role::Unknown => return false,
        }
        true
    }
}

/// Whether a reply reports a failure (FAILURE_CONF, CONTROL_FAILURE_CONF).
pub(crate) fn is_failure(store: &Store, reply: u32) -> bool {
    let e = store.event(reply as usize);
    e.is(id::FAILURE_CONF) || e.is(id::CONTROL_FAILURE_CONF)
}
