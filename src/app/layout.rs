//! Where the panes go for a terminal size: three columns from 100 columns up; from 70 (an 80×24
//! terminal) the headlines across the top and the body beside a narrower entity pane under
//! them, so people stay in view; narrower still, the body takes the full width with one list
//! pane stacked above it; when short, only the focused pane.
//! Computed once per resize or focus change by `App::update` into the `Screen`; the wrap width,
//! mouse hits, list heights and drawing all read that one result, so they agree.

use ratatui::layout::{Position, Rect};

/// The three panes that take focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Headlines,
    Body,
    /// The right-hand pane: entities, the corpus view or the quotes view (`SideView`).
    Side,
}

/// Columns from which the three panes stand side by side.
pub const WIDE: u16 = 100;

/// Columns from which the entity pane stands beside the body (under the headlines).
pub const MEDIUM: u16 = 70;

/// The rectangles of one screen. A pane not shown has an empty rectangle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub headlines: Rect,
    pub body: Rect,
    pub side: Rect,
    pub status: Rect,
    pub keys: Rect,
}

pub fn areas(area: Rect, focus: Pane, last_list: Pane) -> Areas {
    let mut out = Areas::default();
    let bar_rows = match area.height {
        0 => 0,
        1..=2 => 1,
        3..=7 => 1,
        _ => 2,
    };
    let main_h = area.height - bar_rows;
    if bar_rows >= 1 {
        out.status = Rect::new(area.x, area.y + main_h, area.width, 1);
    }
    if bar_rows == 2 {
        out.keys = Rect::new(area.x, area.y + main_h + 1, area.width, 1);
    }
    if main_h < 3 {
        return out;
    }
    let main = Rect::new(area.x, area.y, area.width, main_h);
    if area.width >= WIDE {
        let left = (area.width * 28 / 100).clamp(20, 48);
        let right = (area.width * 24 / 100).clamp(20, 40);
        let middle = area.width - left - right;
        out.headlines = Rect::new(main.x, main.y, left, main_h);
        out.body = Rect::new(main.x + left, main.y, middle, main_h);
        out.side = Rect::new(main.x + left + middle, main.y, right, main_h);
        return out;
    }
    let list = if focus == Pane::Body {
        last_list
    } else {
        focus
    };
    if area.width >= MEDIUM && main_h >= 12 {
        let top = (main_h / 3).clamp(3, 10);
        let side = (area.width * 30 / 100).clamp(20, 28);
        let below = main_h - top;
        out.headlines = Rect::new(main.x, main.y, main.width, top);
        out.body = Rect::new(main.x, main.y + top, main.width - side, below);
        out.side = Rect::new(main.x + main.width - side, main.y + top, side, below);
        return out;
    }
    if main_h >= 12 {
        let top = (main_h / 3).clamp(3, 10);
        let list_rect = Rect::new(main.x, main.y, main.width, top);
        match list {
            Pane::Side => out.side = list_rect,
            _ => out.headlines = list_rect,
        }
        out.body = Rect::new(main.x, main.y + top, main.width, main_h - top);
    } else {
        match focus {
            Pane::Headlines => out.headlines = main,
            Pane::Body => out.body = main,
            Pane::Side => out.side = main,
        }
    }
    out
}

/// The terminal size, the focus and the pane rectangles for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    width: u16,
    height: u16,
    focus: Pane,
    /// On a narrow terminal, the list pane shown above the body (headlines or side).
    last_list: Pane,
    areas: Areas,
}

impl Default for Screen {
    fn default() -> Self {
        Self {
            width: 0,
            height: 0,
            focus: Pane::Headlines,
            last_list: Pane::Headlines,
            areas: Areas::default(),
        }
    }
}

impl Screen {
    pub fn width(&self) -> u16 {
        self.width
    }

    pub fn height(&self) -> u16 {
        self.height
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn areas(&self) -> Areas {
        self.areas
    }

    /// The areas for a frame of `area`: the stored ones, unless the frame has a size the reader
    /// has not been told of yet (a resize still on its way).
    pub fn areas_for(&self, area: Rect) -> Areas {
        if area == Rect::new(0, 0, self.width, self.height) {
            self.areas
        } else {
            areas(area, self.focus, self.last_list)
        }
    }

    pub fn area_of(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Headlines => self.areas.headlines,
            Pane::Body => self.areas.body,
            Pane::Side => self.areas.side,
        }
    }

    /// Rows a pane shows inside its border.
    pub fn list_height(&self, pane: Pane) -> usize {
        usize::from(inner(self.area_of(pane)).height)
    }

    /// Rows the body pane shows at once.
    pub fn body_height(&self) -> usize {
        self.list_height(Pane::Body)
    }

    /// Screen rows per headline: the headline over a dim "source · date" line, when the list
    /// has room for at least three articles so; else one.
    pub fn headline_rows(&self) -> usize {
        if self.list_height(Pane::Headlines) >= 6 {
            2
        } else {
            1
        }
    }

    /// Headlines the list shows at once.
    pub fn headlines_fit(&self) -> usize {
        self.list_height(Pane::Headlines) / self.headline_rows()
    }

    /// Columns a pane shows inside its border.
    pub fn list_width(&self, pane: Pane) -> usize {
        usize::from(inner(self.area_of(pane)).width)
    }

    /// The width the body is wrapped to.
    pub fn text_width(&self) -> u16 {
        text_width(self.areas.body)
    }

    /// The pane under a cell, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let pos = Position::new(column, row);
        [Pane::Headlines, Pane::Body, Pane::Side]
            .into_iter()
            .find(|&p| self.area_of(p).contains(pos))
    }

    /// Takes a new terminal size; says whether it changed.
    pub(super) fn resize(&mut self, width: u16, height: u16) -> bool {
        if (width, height) == (self.width, self.height) {
            return false;
        }
        self.width = width;
        self.height = height;
        self.relayout();
        true
    }

    pub(super) fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Body {
            self.last_list = pane;
        }
        self.relayout();
    }

    fn relayout(&mut self) {
        let area = Rect::new(0, 0, self.width, self.height);
        self.areas = areas(area, self.focus, self.last_list);
    }
}

/// Inside a pane's border.
pub fn inner(area: Rect) -> Rect {
    if area.width < 2 || area.height < 2 {
        return Rect::new(area.x, area.y, 0, 0);
    }
    Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2)
}

/// The widest the body's text is set (the reading measure): lines much longer than this are
/// hard to read, so a wide body pane centres a column this wide.
pub const MEASURE: u16 = 88;

/// The body's text area: inside the border, one column of padding each side, at most
/// `MEASURE` columns wide and centred in the pane.
pub fn body_text(area: Rect) -> Rect {
    let i = inner(area);
    if i.width <= 2 {
        return i;
    }
    let width = (i.width - 2).min(MEASURE);
    let x = i.x + 1 + (i.width - 2 - width) / 2;
    Rect::new(x, i.y, width, i.height)
}

/// The width the body is wrapped to.
pub fn text_width(area: Rect) -> u16 {
    body_text(area).width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_never_overlap_or_leave_the_screen() {
        for w in (1..=400).step_by(7) {
            for h in (1..=120).step_by(5) {
                for focus in [Pane::Headlines, Pane::Body, Pane::Side] {
                    let area = Rect::new(0, 0, w, h);
                    let a = areas(area, focus, Pane::Headlines);
                    let rects = [a.headlines, a.body, a.side, a.status, a.keys];
                    for (i, r) in rects.iter().enumerate() {
                        assert!(
                            area.union(*r) == area || r.is_empty(),
                            "{r:?} outside {area:?}"
                        );
                        for s in &rects[i + 1..] {
                            assert!(
                                r.is_empty() || s.is_empty() || !r.intersects(*s),
                                "{r:?} overlaps {s:?} at {w}x{h}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn three_columns_from_100_wide() {
        let a = areas(Rect::new(0, 0, 120, 40), Pane::Headlines, Pane::Headlines);
        assert!(a.headlines.width > 0 && a.body.width > 0 && a.side.width > 0);
        assert_eq!(a.headlines.width + a.body.width + a.side.width, 120);
        let n = areas(Rect::new(0, 0, 60, 20), Pane::Body, Pane::Headlines);
        assert_eq!(n.body.width, 60);
        assert!(n.side.is_empty());
        // 80x24: the headlines on top, the entities beside the body whatever has focus.
        for focus in [Pane::Headlines, Pane::Body, Pane::Side] {
            let m = areas(Rect::new(0, 0, 80, 24), focus, Pane::Headlines);
            assert!(!m.headlines.is_empty() && !m.body.is_empty() && !m.side.is_empty());
            assert!(m.body.width >= 50, "{m:?}");
        }
    }
}
