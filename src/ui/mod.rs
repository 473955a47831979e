//! Drawing: pure functions from `&App` to the frame, one file per pane.
