//! The read models: what the store returns for each screen, as owned values. The
//! screen's state and its rendering take them from here and never reach the store.

pub use crate::store::agenda::{ActionFigure, Agenda, AgendaTopic, Figure, PlaceRow};
pub use crate::store::changes::SeenChange;
pub use crate::store::consultation::{
    ActionRow, ConsultationRecord, Meeting, NewAction, Saved, Target as SavedTarget, TopicText,
};
pub use crate::store::detail::HazardDetail;
pub use crate::store::enterprise::{
    EnterpriseDetail, EnterpriseFilter, EnterpriseInput, EnterpriseRow, EnterpriseSort,
};
pub use crate::store::inspection::{Arrear, NewInspection};
pub use crate::store::list::{Cursor, Filter, HazardRow, Sort, SortKey};
pub use crate::store::overview::{MonthPoint, Overview, Trend};
pub use crate::store::settings::SettingRow;
pub use crate::store::setup::StaffMember;
pub use crate::store::supervision::ReviewDue;
pub use crate::store::tipoff::{NewTipoff, TipoffDetail, TipoffFilter, TipoffLink, TipoffRow, TipoffWrite};
pub use crate::store::write::NewHazard;
pub use crate::store::write::undo::Undone;
