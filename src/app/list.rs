//! A scrolled list's position, and the movements every list pane shares.

/// A scrolled list: the selected row and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListPos {
    pub selected: usize,
    pub offset: usize,
}

/// A movement within the focused pane.
#[derive(Clone, Copy, Debug)]
pub(super) enum Step {
    By(isize),
    Page(isize),
    Top,
    Bottom,
}

/// `at` moved by `step` within `0..len`.
pub(super) fn moved(at: usize, len: usize, page: usize, step: Step) -> usize {
    let last = len.saturating_sub(1);
    match step {
        Step::By(d) => at.saturating_add_signed(d).min(last),
        Step::Page(d) => at
            .saturating_add_signed(d.saturating_mul(page as isize))
            .min(last),
        Step::Top => 0,
        Step::Bottom => last,
    }
}

/// Scrolls the list so its selection is visible in `height` rows.
/// A hidden list (no rows) keeps its offset for when it is shown again.
pub(super) fn keep_visible(pos: &mut ListPos, height: usize) {
    if height == 0 {
        return;
    }
    if pos.selected < pos.offset {
        pos.offset = pos.selected;
    } else if pos.selected >= pos.offset + height {
        pos.offset = pos.selected + 1 - height;
    }
}

/// Wheel scrolling of a list moves the view, not the selection.
pub(super) fn scroll_list(pos: &mut ListPos, len: usize, height: usize, delta: isize) {
    let max = len.saturating_sub(height);
    pos.offset = pos.offset.saturating_add_signed(delta).min(max);
}
