//! `sys.stdin` as CPython 3.11 reads it on Linux: a TextIOWrapper over
//! the byte stream, UTF-8, `newline='\n'` (so `'\r'` is an ordinary
//! character: CPython translates newlines on stdin only on Windows), strict
//! errors. The bytes come from the host's `read` import in chunks of 8 KiB,
//! as TextIOWrapper reads them, so a UnicodeDecodeError names the same
//! position as CPython's (within the chunk for `readline`, within all the
//! remaining input for `read()`) when the chunks are the same: always for a
//! file, and for a pipe when the writer has written ahead.
//!
//! Under the C or C.UTF-8 locale CPython decodes stdin with `surrogateescape`
//! instead of raising; Portalis strings cannot hold lone surrogates, so
//! invalid UTF-8 always raises here (docs/abi.md "Script mode").

use crate::err::{Exc, PyErr, PyResult};

/// TextIOWrapper's `_CHUNK_SIZE`: the bytes `readline` asks for at once.
pub(crate) const CHUNK: usize = 8192;

/// The decoding state of a text stdin: bytes of an incomplete UTF-8 sequence
/// left from the last chunk, and decoded text not yet returned.
pub(crate) struct TextStdin {
    pending: Vec<u8>,
    text: String,
    pos: usize,
}

impl TextStdin {
    pub(crate) const fn new() -> TextStdin {
        TextStdin { pending: Vec::new(), text: String::new(), pos: 0 }
    }

    /// `sys.stdin.readline()`: the next line with its `'\n'`; the rest of the
    /// input when it has no `'\n'`; `""` at the end.
    pub(crate) fn readline(&mut self, src: &mut dyn FnMut(&mut [u8]) -> usize) -> PyResult<String> {
        let mut line = String::new();
        loop {
            let rest = &self.text[self.pos..];
            if let Some(i) = rest.find('\n') {
                line.push_str(&rest[..=i]);
                self.pos += i + 1;
                return Ok(line);
            }
            line.push_str(rest);
            self.text.clear();
            self.pos = 0;
            // On a decode error the line gathered so far is lost, as in CPython.
            if !self.read_chunk(src)? {
                return Ok(line);
            }
        }
    }

    /// `sys.stdin.read()`: everything up to the end of the input.
    pub(crate) fn read_all(&mut self, src: &mut dyn FnMut(&mut [u8]) -> usize) -> PyResult<String> {
        let mut bytes = std::mem::take(&mut self.pending);
        let start = bytes.len();
        let mut buf = vec![0u8; CHUNK];
        loop {
            let n = src(&mut buf);
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&buf[..n]);
        }
        match decode_utf8(&bytes, true) {
            Ok((decoded, _)) => {
                let mut out = self.text[self.pos..].to_string();
                out.push_str(&decoded);
                self.text.clear();
                self.pos = 0;
                Ok(out)
            }
            Err(e) => {
                // The bytes read are gone; the undecoded bytes stay pending (CPython's decoder keeps its buffer).
                bytes.truncate(start);
                self.pending = bytes;
                Err(e)
            }
        }
    }

    /// Reads and decodes one chunk into `text`; false at the end of input.
    fn read_chunk(&mut self, src: &mut dyn FnMut(&mut [u8]) -> usize) -> PyResult<bool> {
        let mut buf = vec![0u8; CHUNK];
        let n = src(&mut buf);
        let mut data = self.pending.clone();
        data.extend_from_slice(&buf[..n]);
        let (decoded, used) = decode_utf8(&data, n == 0)?;
        self.pending = data[used..].to_vec();
        self.text = decoded;
        self.pos = 0;
        Ok(n > 0)
    }
}

/// Decodes UTF-8 as CPython's incremental decoder does: the text and the
/// number of bytes used; an incomplete sequence at the end is left over
/// unless `final_`. UnicodeDecodeError with CPython's message otherwise.
pub(crate) fn decode_utf8(data: &[u8], final_: bool) -> PyResult<(String, usize)> {
    match std::str::from_utf8(data) {
        Ok(s) => Ok((s.to_string(), data.len())),
        Err(e) => {
            let start = e.valid_up_to();
            match e.error_len() {
                None if !final_ => {
                    // SAFETY-free: the prefix up to valid_up_to is valid UTF-8.
                    let text = std::str::from_utf8(&data[..start]).unwrap_or_default().to_string();
                    Ok((text, start))
                }
                None => Err(decode_error(data, start, data.len(), "unexpected end of data")),
                Some(len) => {
                    let b = data[start];
                    let reason = if (0x80..=0xc1).contains(&b) || b >= 0xf5 { "invalid start byte" } else { "invalid continuation byte" };
                    Err(decode_error(data, start, start + len, reason))
                }
            }
        }
    }
}

/// CPython's `str(UnicodeDecodeError)` for bytes `start..end` of `data`.
fn decode_error(data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end == start + 1 {
        format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", data[start], start, reason)
    } else {
        format!("'utf-8' codec can't decode bytes in position {}-{}: {}", start, end - 1, reason)
    };
    PyErr::new(Exc::UnicodeDecodeError, &msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A byte source that returns the given chunks one per call, then EOF.
    fn chunks(parts: &[&[u8]]) -> impl FnMut(&mut [u8]) -> usize {
        let mut parts: Vec<Vec<u8>> = parts.iter().map(|p| p.to_vec()).collect();
        parts.reverse();
        move |buf: &mut [u8]| match parts.pop() {
            Some(mut p) => {
                if p.len() > buf.len() {
                    let rest = p.split_off(buf.len());
                    parts.push(rest);
                }
                buf[..p.len()].copy_from_slice(&p);
                p.len()
            }
            None => 0,
        }
    }

    fn err(r: PyResult<String>) -> String {
        format!("{}", r.unwrap_err())
    }

    #[test]
    fn lines_keep_their_newline_and_cr_is_ordinary() {
        let mut src = chunks(&[b"a\r\nb\rc\n\r"]);
        let mut s = TextStdin::new();
        assert_eq!(s.readline(&mut src).unwrap(), "a\r\n");
        assert_eq!(s.readline(&mut src).unwrap(), "b\rc\n");
        assert_eq!(s.readline(&mut src).unwrap(), "\r");
        assert_eq!(s.readline(&mut src).unwrap(), "");
        assert_eq!(s.readline(&mut src).unwrap(), "");
    }

    #[test]
    fn a_line_spans_chunks_and_characters_split_between_them() {
        let mut src = chunks(&[b"h\xc3", b"\xa9llo w", b"orld\nnext"]);
        let mut s = TextStdin::new();
        assert_eq!(s.readline(&mut src).unwrap(), "h\u{e9}llo world\n");
        assert_eq!(s.readline(&mut src).unwrap(), "next");
        assert_eq!(s.readline(&mut src).unwrap(), "");
    }

    #[test]
    fn read_all_after_readline() {
        let mut src = chunks(&[b"one\ntwo\n", b"three"]);
        let mut s = TextStdin::new();
        assert_eq!(s.readline(&mut src).unwrap(), "one\n");
        assert_eq!(s.read_all(&mut src).unwrap(), "two\nthree");
        assert_eq!(s.read_all(&mut src).unwrap(), "");
    }

    #[test]
    fn decode_errors_have_cpythons_messages() {
        let msg = |b: &[u8]| format!("{}", decode_utf8(b, true).unwrap_err());
        assert_eq!(msg(b"\xff"), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        assert_eq!(msg(b"ab\xe4A"), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 2: invalid continuation byte");
        assert_eq!(msg(b"\xe4\xb8A"), "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
        assert_eq!(msg(b"\xe4\xb8"), "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
        assert_eq!(msg(b"\xed\xa0\x80"), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
        assert_eq!(msg(b"\xc0\xaf"), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte");
        assert_eq!(decode_utf8(b"ab\xe4\xb8", false).unwrap(), ("ab".to_string(), 2));
    }

    #[test]
    fn readline_positions_are_within_the_chunk_and_the_line_is_lost() {
        let mut first = vec![b'a'; CHUNK];
        first[100] = b'\n';
        let mut src = chunks(&[&first, b"aa\n\xff\n"]);
        let mut s = TextStdin::new();
        assert_eq!(s.readline(&mut src).unwrap().len(), 101);
        assert_eq!(err(s.readline(&mut src)), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte");
        assert_eq!(s.readline(&mut src).unwrap(), "");
    }

    #[test]
    fn truncated_character_at_the_end() {
        let mut s = TextStdin::new();
        assert_eq!(err(s.readline(&mut chunks(&[b"abc\xe4"]))), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 0: unexpected end of data");
        let mut s = TextStdin::new();
        assert_eq!(err(s.read_all(&mut chunks(&[b"abc\xe4"]))), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 3: unexpected end of data");
    }
}
