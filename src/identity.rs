//! Who is at the keyboard: the OS login of the real user id, never `$USER`.

/// The login name of the process's real user (`getuid` → passwd entry).
pub fn os_login() -> String {
    // SAFETY: getuid never fails; getpwuid_r writes into the buffers we own.
    let uid = unsafe { libc::getuid() };
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 4096];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
        return format!("uid{uid}");
    }
    // SAFETY: pw_name points into `buf` and is NUL-terminated.
    let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
    name.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn login_ignores_user_variable() {
        let login = super::os_login();
        assert!(!login.is_empty());
        // SAFETY of the test: no other thread reads USER here.
        unsafe { std::env::set_var("USER", "someone-else") };
        assert_eq!(super::os_login(), login);
    }
}
