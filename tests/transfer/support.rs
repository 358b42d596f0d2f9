//! A temporary ledger driven through the binary, and fixtures made on the spot.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anwei::clock::Clock;
use anwei::domain::credit_code::check_char;
use anwei::identity::os_login;
use anwei::store::export::HazardOut;
use anwei::store::{Actor, Store};

pub const TODAY: &str = "2026-11-29";

/// A ledger in a temporary directory; the test's user is its admin.
pub struct Ledger {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Ledger {
    /// `anwei init` in a fresh directory.
    pub fn new() -> Ledger {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ledger.db");
        let ledger = Ledger { dir, db };
        let r = ledger.run(&["init"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        ledger
    }

    /// A ledger with the three standard enterprises imported.
    pub fn with_enterprises() -> Ledger {
        let l = Ledger::new();
        let file = l.file("enterprises.csv", enterprises_csv().as_bytes());
        let r = l.run(&["import", "enterprises", file.to_str().unwrap(), "--create-units"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        l
    }

    /// Runs the binary on this ledger in English with today fixed.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in("en", args)
    }

    pub fn run_in(&self, lang: &str, args: &[&str]) -> Run {
        Command::new(env!("CARGO_BIN_EXE_anwei"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env("ANWEI_TODAY", TODAY)
            .env("ANWEI_LANG", lang)
            .env_remove("ANWEI_DB")
            .output()
            .unwrap()
            .into()
    }

    /// Writes a file in the ledger's directory.
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The ledger opened through the library, as the test's user.
    pub fn store(&self) -> Store {
        Store::open(&self.db, Actor::new(os_login()), Clock::fixed(anwei::domain::parse_date(TODAY).unwrap())).unwrap()
    }

    pub fn hazards(&self) -> Vec<HazardOut> {
        self.store().export_hazards().unwrap()
    }

    pub fn enterprise_count(&self) -> usize {
        self.store().export_enterprises().unwrap().len()
    }

    /// Imports hazards from CSV text (UTF-8) and returns the run.
    pub fn import_hazards(&self, name: &str, csv: &str, extra: &[&str]) -> Run {
        let file = self.file(name, csv.as_bytes());
        let mut args = vec!["import", "hazards", file.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

/// A valid credit code: 17 characters from `n` and the GB 32100-2015 check character.
pub fn credit_code(n: u32) -> String {
    let first17 = format!("91350100MA{n:07}");
    format!("{first17}{}", check_char(&first17).unwrap())
}

/// Three enterprises with Chinese headers; the third has a high-risk flag and no department.
pub fn enterprises_csv() -> String {
    format!(
        "统一社会信用代码,企业名称,行业领域,村居,监管部门,主要负责人,主要负责人电话,实际控制人,实际控制人电话,地址,高危\n\
         {},官桥化工有限公司,危化品,官桥村,应急管理办,张三,13800000001,张大,13800000002,官桥村1号,是\n\
         {},官桥粉末冶金厂,粉尘涉爆,石门村,应急管理办,李四,13800000003,,,石门村8号,否\n\
         {},官桥冷链物流,涉氨制冷,官桥村,市场监管所,王五,,,,,是\n",
        credit_code(1),
        credit_code(2),
        credit_code(3)
    )
}

/// The header of the hazard fixtures (English identifiers).
pub const HAZARD_HEADER: &str = "code,enterprise,title,grade,source,discovered_on,deadline,owner,status";

/// A hazard line for the fixtures: code, enterprise key, title, dates, status.
pub fn hazard_line(code: &str, enterprise: &str, title: &str, found: &str, deadline: &str) -> String {
    format!("{code},{enterprise},{title},重大,企业自查,{found},{deadline},应急管理办,")
}

/// The display string of a path, as the messages name it.
pub fn shown(p: &Path) -> String {
    p.display().to_string()
}
