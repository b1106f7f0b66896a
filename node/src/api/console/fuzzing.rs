//! What the console reads from a browser before it trusts anyone, reached
//! without a running node: for the fuzz targets in `fuzz/` and their
//! corpus replay. Not an API: the console's own handlers call the same
//! functions.

use std::collections::HashMap;

use axum::http::HeaderMap;
use liaison_proto::pb;

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    super::session::read_cookie(headers, name)
}

/// The languages `Accept-Language` lists, best first.
pub fn accepted(headers: &HeaderMap) -> Vec<&str> {
    super::session::accepted(headers)
}

/// Whether a form's `csrf` field matches the session's token.
pub fn csrf_matches(form: &[(String, String)], token: &str) -> bool {
    let fields = super::session::Fields(form.to_vec());
    super::session::same_token(fields.get("csrf"), token)
}

/// The auditor's log filters from a query string's pairs: the query sent
/// to the log, or the name of the field refused.
pub fn filters(query: &HashMap<String, String>) -> Result<pb::EntryQuery, &'static str> {
    super::auditor::parse_filters(query)
        .map(|filters| filters.query)
        .map_err(|bad| bad.field)
}

/// An uploaded indicator CSV: its entries with their line numbers, or the
/// line refused and the id of the message that says why.
pub fn csv_entries(text: &str) -> Result<Vec<(usize, pb::IndicatorEntry)>, (usize, &'static str)> {
    super::lists::csv_entries(text)
}

/// The fields of one CSV line, `None` for a quote out of place.
pub fn csv_fields(line: &str) -> Option<Vec<String>> {
    super::lists::csv_fields(line)
}
