//! From quantities to facts: metric, measure, subject, period, status, object and groups.

use crate::{DocContext, Extraction};

pub(crate) fn extract(text: &str, ctx: &DocContext<'_>) -> Extraction {
    let _ = (text, ctx);
    Extraction::default()
}
