//! The unified social credit code (统一社会信用代码) and its GB 32100-2015 check character.

/// The 31 characters of the code, in value order (no I, O, S, V, Z).
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

fn value(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

/// The check character for the first 17 characters; `None` if any is not allowed.
pub fn check_char(first17: &str) -> Option<char> {
    let chars: Vec<char> = first17.chars().collect();
    if chars.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in chars.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(check as usize)
}

/// Why a credit code is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Length(usize),
    BadChar(char),
    CheckChar { expected: char, found: char },
}

/// Validates an 18-character code (upper case expected).
pub fn validate(code: &str) -> Result<(), CodeError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(CodeError::Length(chars.len()));
    }
    if let Some(bad) = chars.iter().find(|c| value(**c).is_none()) {
        return Err(CodeError::BadChar(*bad));
    }
    let first17: String = chars[..17].iter().collect();
    let expected = check_char(&first17).ok_or(CodeError::Length(chars.len()))?;
    if expected != chars[17] {
        return Err(CodeError::CheckChar { expected, found: chars[17] });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_pass() {
        // published codes of real organisations
        for code in ["91350100M000100Y43", "91110000802100433B", "91440300708461136T"] {
            assert_eq!(validate(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn bad_codes_say_why() {
        assert_eq!(validate("91350100M000100Y4"), Err(CodeError::Length(17)));
        assert_eq!(validate("91350100M000100Y4I"), Err(CodeError::BadChar('I')));
        assert_eq!(validate("91350100M000100Y44"), Err(CodeError::CheckChar { expected: '3', found: '4' }));
        assert_eq!(check_char("91350100M000100Y4"), Some('3'));
    }
}
