//! `cti-outcome/live`'s class as JavaScript sees it: a notification pushed as a string gives its
//! dialog's change record; a push at the caller's clock; options of the wrong type throw.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use cti_outcome::wasm::LiveView;

const DIALOGS: &str = include_str!("../fixtures/finesse/dialog-not-answered.xml");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn a_notification_gives_its_dialogs_change() {
    let mut view = LiveView::new(None).unwrap();
    let pushed = view.push(&JsValue::from_str(DIALOGS), Some(0.0)).unwrap();
    let changes = js_sys::Array::from(&get(&pushed, "changes"));
    assert_eq!(changes.length(), 1);
    let change = changes.get(0);
    assert_eq!(get(&change, "key").as_string().unwrap(), "16810002");
    assert_eq!(get(&change, "phase").as_string().unwrap(), "ended");
    let outcome = get(&change, "outcome");
    assert_eq!(get(&outcome, "kind").as_string().unwrap(), "no_answer");
    assert_eq!(
        get(&outcome, "rule").as_string().unwrap(),
        "dialog-not-answered"
    );
    assert_eq!(get(&pushed, "push").as_f64(), Some(1.0));
    assert_eq!(js_sys::Array::from(&view.snapshot()).length(), 1);
    assert!(view.heap_bytes() > 0.0);
}

#[wasm_bindgen_test]
fn options_of_the_wrong_type_throw() {
    let o = Object::new();
    Reflect::set(&o, &"keepEndedMs".into(), &"an hour".into()).unwrap();
    let Err(e) = LiveView::new(Some(o.into())) else {
        panic!("a string for keepEndedMs was taken");
    };
    let message: String = e.unchecked_into::<js_sys::Error>().message().into();
    assert!(message.contains("keepEndedMs"), "{message}");
}
