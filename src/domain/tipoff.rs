//! Public tip-offs (举报, plan item 17): how one arrives, where it stands, and when its
//! verification (核查) falls due.

use chrono::NaiveDate;

use serde::Serialize;

use super::types::word_enum;

word_enum!(
    /// How a tip-off came in: the 12350 hotline, a letter, a visit, online, or an
    /// employee's internal report (吹哨人).
    Channel { Hotline => "hotline", Letter => "letter", Visit => "visit", Online => "online", Whistleblower => "whistleblower" }
);
word_enum!(
    /// Where a tip-off stands: received, under verification, verified (查实, a hazard
    /// registered from it) or not verified.
    TipoffState { Received => "received", Verifying => "verifying", Verified => "verified", Rejected => "rejected" }
);

impl TipoffState {
    /// Whether its verification is still to come.
    pub fn open(self) -> bool {
        matches!(self, TipoffState::Received | TipoffState::Verifying)
    }
}

/// The verification's deadline: `days` after the tip-off was received.
pub fn due_on(received: NaiveDate, days: i64) -> NaiveDate {
    received + chrono::Duration::days(days)
}

/// The largest reward one tip-off may record, in yuan.
pub const MAX_REWARD_YUAN: i64 = 1_000_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_counts_from_receipt_and_words_round_trip() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(due_on(d("2026-11-20"), 15), d("2026-12-05"));
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(*c));
        }
        assert!(TipoffState::Verifying.open() && !TipoffState::Rejected.open());
    }
}
