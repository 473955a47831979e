//! The event loop: terminal events into actions, redraw on change.
