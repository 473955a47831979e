//! App state: the one struct that owns the articles and the UI state; `App::update` changes it.
//! Key bindings live in one table (`keymap`); wrapping of the body is cached here (`wrap`).

pub mod action;
pub mod keymap;
pub mod state;
pub mod update;
pub mod wrap;

pub use action::Action;
pub use state::{App, Overlay, Pane, SideView};

#[cfg(test)]
mod tests;
