//! A script module written by hand against portalis_rt, standing in for what
//! the compiler will emit for script_io.py (its line-for-line twin) until it
//! translates input() and sys.stdin. sys.argv[1] picks what it does.

use portalis_rt::*;

fn say(parts: &[&str]) {
    py_print(1, parts, " ", "\n");
}

fn main_() -> PyResult<()> {
    let argv = sys_argv();
    let mode = argv.get(1).cloned().unwrap_or_default();
    if mode == "argv" {
        say(&[&sys_argc().to_string()]);
        for a in &argv[1..] {
            say(&[&py_str_repr(a)]);
        }
    } else if mode == "input" {
        say(&["start"]);
        loop {
            let line = sys_input(Some("> "))?;
            say(&[&py_str_repr(&line)]);
        }
    } else if mode == "read" {
        let text = stdin_read()?;
        say(&[&(text.chars().count() as i64).to_string(), &py_str_repr(&text)]);
    } else if mode == "lines" {
        let first = stdin_readline()?;
        say(&["first", &py_str_repr(&first)]);
        for line in stdin_lines() {
            let line = line?;
            say(&[&py_str_repr(&line)]);
        }
        say(&["after", &py_str_repr(&stdin_readline()?)]);
    } else if mode == "readlines" {
        let lines = stdin_readlines()?;
        let shown: Vec<String> = lines.iter().map(|l| py_str_repr(l)).collect();
        say(&[&format!("[{}]", shown.join(", "))]);
    } else if mode == "write" {
        let n = sys_stdout_write(&argv[2]);
        say(&[&n.to_string()]);
    } else if mode == "exit" {
        say(&["bye"]);
        sys_exit_message(&argv[2])?;
    }
    Ok(())
}

#[no_mangle]
pub extern "C" fn __portalis_main() -> i32 {
    run_script(main_)
}
