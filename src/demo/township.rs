//! The demo township's units, staff and enterprises: drawn, then inserted.

use std::collections::HashSet;

use rusqlite::Transaction;

use super::names::{CITY, DEPARTMENTS, DIVISION, GIVEN, ORG, ROADS, STAFF, SURNAMES, VILLAGES};
use super::rng::Rng;
use super::sectors::SECTORS;
use crate::domain::UnitKind;
use crate::domain::credit_code::check_char;
use crate::store::{StoreError, bulk};

/// The random stream of enterprises.
const STREAM: u64 = 1;

/// What the hazard generator needs to know about an enterprise.
#[derive(Debug, Clone)]
pub struct Enterprise {
    pub id: i64,
    pub sector: usize,
    pub village_id: i64,
    /// Index into `DEPARTMENTS`.
    pub department: usize,
    pub principal: String,
    pub controller: String,
}

/// The inserted township: unit ids and enterprises.
#[derive(Debug, Default)]
pub struct Township {
    /// Ids of `DEPARTMENTS`, in order.
    pub departments: Vec<i64>,
    pub villages: usize,
    pub staff: usize,
    pub enterprises: Vec<Enterprise>,
}

/// How many enterprises a run of `hazards` gets: about one per four hazards.
pub fn enterprise_count(hazards: u64) -> usize {
    (hazards / 4).clamp(200, 5000) as usize
}

/// Inserts units, staff and `count` enterprises.
pub fn build(tx: &Transaction, seed: u64, count: usize) -> Result<Township, StoreError> {
    let villages = VILLAGES
        .iter()
        .map(|(name, _)| bulk::insert_unit(tx, name, UnitKind::Village))
        .collect::<Result<Vec<_>, _>>()?;
    let departments = DEPARTMENTS
        .iter()
        .map(|name| bulk::insert_unit(tx, name, UnitKind::Department))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rng = Rng::derive(seed, STREAM, u64::MAX);
    for (login, name, unit, role) in STAFF {
        let unit_id = DEPARTMENTS.iter().position(|d| *d == unit).map(|i| departments[i]);
        let at = format!("{} 09:00:00", super::emit::go_live());
        bulk::insert_staff(tx, (login, name, unit_id), role, &phone(&mut rng), &at)?;
    }
    let mut enterprises = Vec::with_capacity(count);
    let mut names = HashSet::with_capacity(count);
    for i in 0..count {
        let e = draw(seed, i as u64, &mut names)?;
        enterprises.push(insert(tx, &e, &villages, &departments)?);
    }
    Ok(Township { departments, villages: villages.len(), staff: STAFF.len(), enterprises })
}

/// An enterprise as drawn, before it has an id.
struct Drawn {
    code: String,
    name: String,
    sector: usize,
    village: usize,
    department: usize,
    principal: (String, String),
    controller: (String, String),
    address: String,
}

fn draw(seed: u64, index: u64, taken: &mut HashSet<String>) -> Result<Drawn, StoreError> {
    let mut r = Rng::derive(seed, STREAM, index);
    let weights: Vec<u64> = SECTORS.iter().map(|s| s.weight).collect();
    let sector = r.weighted(&weights);
    let s = &SECTORS[sector];
    let village_weights: Vec<u64> = VILLAGES.iter().map(|v| v.1).collect();
    let village = r.weighted(&village_weights);
    let trade = *r.pick(s.trades);
    let name = firm_name(&mut r, trade, village, taken);
    let department_name = if r.chance(750) { s.departments[0] } else { s.departments[1] };
    let department = DEPARTMENTS.iter().position(|d| *d == department_name).unwrap_or(0);
    let principal = (person(&mut r), phone(&mut r));
    let controller = if r.chance(600) { principal.clone() } else { (relative(&mut r, &principal.0), phone(&mut r)) };
    let road = *r.pick(&ROADS);
    let address = format!("{CITY}{ORG}{}{road}{}号", VILLAGES[village].0, r.range(1, 399));
    let kind = if trade.contains("公司") {
        "91"
    } else if trade.contains("幼儿园") || trade.contains("中心") {
        "52"
    } else {
        "92"
    };
    let code = credit_code(kind, seed, index)?;
    Ok(Drawn { code, name, sector, village, department, principal, controller, address })
}

fn insert(tx: &Transaction, e: &Drawn, villages: &[i64], departments: &[i64]) -> Result<Enterprise, StoreError> {
    let row = bulk::EnterpriseRow {
        credit_code: &e.code,
        name: &e.name,
        sector: SECTORS[e.sector].name,
        high_risk: SECTORS[e.sector].high_risk,
        village_id: Some(villages[e.village]),
        department_id: Some(departments[e.department]),
        principal: (&e.principal.0, &e.principal.1),
        controller: (&e.controller.0, &e.controller.1),
        address: &e.address,
    };
    let id = bulk::insert_enterprise(tx, &row)?;
    Ok(Enterprise {
        id,
        sector: e.sector,
        village_id: villages[e.village],
        department: e.department,
        principal: e.principal.0.clone(),
        controller: e.controller.0.clone(),
    })
}

/// A firm name not yet taken, e.g. 滕州市官桥鑫源机械有限公司.
fn firm_name(r: &mut Rng, trade: &str, village: usize, taken: &mut HashSet<String>) -> String {
    let place = VILLAGES[village].0.trim_end_matches("社区").trim_end_matches('村');
    for attempt in 0.. {
        let brand = *r.pick(&super::names::BRANDS);
        let prefix = if !trade.contains("公司") {
            format!("{ORG}{place}")
        } else {
            match r.below(4) {
                0 => format!("{CITY}官桥"),
                1 => CITY.to_string(),
                2 => "山东".to_string(),
                _ => format!("{CITY}{place}"),
            }
        };
        let suffix = if attempt < 16 { String::new() } else { format!("第{}", attempt - 15) };
        let name = format!("{prefix}{brand}{suffix}{trade}");
        if taken.insert(name.clone()) {
            return name;
        }
    }
    String::new()
}

/// A plausible Chinese name.
pub fn person(r: &mut Rng) -> String {
    let weights: Vec<u64> = SURNAMES.iter().map(|s| s.1).collect();
    let surname = SURNAMES[r.weighted(&weights)].0;
    given(r, surname)
}

/// A relative of `name`: the same surname, most of the time.
fn relative(r: &mut Rng, name: &str) -> String {
    match name.chars().next() {
        Some(c) if r.chance(700) => given(r, &c.to_string()),
        _ => person(r),
    }
}

fn given(r: &mut Rng, surname: &str) -> String {
    let first = *r.pick(&GIVEN);
    if r.chance(250) { format!("{surname}{first}") } else { format!("{surname}{first}{}", r.pick(&GIVEN)) }
}

/// A mobile number, 1xx xxxx xxxx.
pub fn phone(r: &mut Rng) -> String {
    format!("1{}{}", r.pick(&["3", "5", "7", "8", "9"]), r.digits(9))
}

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// A valid, unique credit code: kind (91 enterprise, 92 sole trader, 52 non-profit),
/// the city's division, an organisation code with its GB 11714 check, then the
/// GB 32100 check. The body encodes `index`, so codes never repeat.
pub fn credit_code(kind: &str, seed: u64, index: u64) -> Result<String, StoreError> {
    let body: String = if index.is_multiple_of(3) {
        let space = 100_000_000u64;
        format!("{:08}", (index.wrapping_mul(7_654_321) + seed % space) % space)
    } else {
        let space = 31u64.pow(6);
        let mut n = (index.wrapping_mul(7_919) + seed % space) % space;
        let mut tail = [b'0'; 6];
        for slot in tail.iter_mut().rev() {
            *slot = ALPHABET[(n % 31) as usize];
            n /= 31;
        }
        format!("MA{}", String::from_utf8_lossy(&tail))
    };
    let first17 = format!("{kind}{DIVISION}{body}{}", org_check(&body));
    let bad = || StoreError::Invalid { field: "credit_code", value: first17.clone(), why: "check".into() };
    let check = check_char(&first17).ok_or_else(bad)?;
    Ok(format!("{first17}{check}"))
}

/// The GB 11714 check character of an 8-character organisation code body.
fn org_check(body: &str) -> char {
    let sum: u32 = body
        .chars()
        .zip(ORG_WEIGHTS)
        .map(|(c, w)| w * if c.is_ascii_digit() { c as u32 - '0' as u32 } else { c as u32 - 'A' as u32 + 10 })
        .sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from(b'0' + n as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::credit_code::validate;

    #[test]
    fn credit_codes_are_valid_and_unique() {
        let mut seen = HashSet::new();
        for i in 0..20_000 {
            let code = credit_code("91", 42, i).unwrap();
            assert_eq!(validate(&code), Ok(()), "{code}");
            assert!(seen.insert(code[8..17].to_string()), "{code}");
        }
    }

    #[test]
    fn organisation_code_check_matches_published_codes() {
        // the organisation codes inside 91350100M000100Y43, 91110000802100433B, 91440300708461136T
        assert_eq!(org_check("M000100Y"), '4');
        assert_eq!(org_check("80210043"), '3');
        assert_eq!(org_check("70846113"), '6');
    }
}
