//! decode_bytes never panics, whatever the bytes.

use planlens::decode::decode_bytes;

/// A small deterministic generator (xorshift) so the test needs no crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_and_truncated_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let seeds: [&[u8]; 6] = [
        "科技工作要点".as_bytes(),
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\xB9\xA4\xD7\xF7",
        b"\x81\x30\x81\x30",
    ];
    for round in 0..3000 {
        let mut bytes: Vec<u8> = seeds[round % seeds.len()].to_vec();
        let len = (rng.next() % 40) as usize;
        for _ in 0..len {
            bytes.push((rng.next() & 0xFF) as u8);
        }
        let _ = decode_bytes(&bytes);
        // Every prefix of a valid text too (cuts inside multi-byte sequences).
        let text = "2023年全市科技工作要点\r\n一、总体要求".as_bytes();
        let cut = round % (text.len() + 1);
        let _ = decode_bytes(&text[..cut]);
        let gbk: Vec<u8> = vec![0xB9, 0xA4, 0xD7, 0xF7, 0xD2, 0xAA, 0xB5, 0xE3];
        let _ = decode_bytes(&gbk[..round % (gbk.len() + 1)]);
    }
}

#[test]
fn stray_control_character_is_tolerated() {
    let text = format!("{}\u{1A}{}", "科技工作要点。".repeat(20), "完");
    let d = decode_bytes(text.as_bytes()).unwrap();
    assert_eq!(d.text, text);
}

#[test]
fn truncated_gbk_tail_is_undecodable_not_a_panic() {
    // 科技 in GBK followed by a lone lead byte.
    let bytes = [0xBF, 0xC6, 0xBC, 0xBC, 0xBF];
    assert!(decode_bytes(&bytes).is_err());
}
