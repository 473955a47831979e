//! App state: the one struct that owns the articles and the UI state; `App::update` changes it.
