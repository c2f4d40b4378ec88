/*
| Tells Japanese text from Chinese. Kana settle it; kanji-only text is Japanese when it uses a
| character only Japanese uses (in JIS X 0208 but neither in GB 2312 nor Big5: 歳, 戦, 殻...)
| and nothing only Chinese uses (simplified or traditional forms outside JIS X 0208, or the
| particles 的 之 们...). The character sets come from the WHATWG decoders built into Node
| (full ICU), built once on first use.
*/

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const HAN = /\p{Script=Han}/u

/** Grammatical characters of Chinese titles that Japanese titles write in kana. */
const CHINESE_PARTICLES = new Set('的之们們这這个個吗嗎呢么麼')
/** Japanese iteration and abbreviation marks. */
const JAPANESE_MARKS = new Set('々〆')

type Scripts = { japaneseOnly: Set<string>; chineseOnly: Set<string> }
let scripts: Scripts | undefined

function range(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index)
}

/** The Han characters a double-byte legacy encoding can represent. */
function hanCharacters(label: string, leads: number[], trails: number[]) {
  const decoder = new TextDecoder(label, { fatal: true })
  const characters = new Set<string>()
  const bytes = new Uint8Array(2)
  for (const lead of leads) {
    for (const trail of trails) {
      bytes[0] = lead
      bytes[1] = trail
      try {
        const text = decoder.decode(bytes)
        if (text.length === 1 && HAN.test(text)) characters.add(text)
      } catch {
        // Not a character of this encoding.
      }
    }
  }
  return characters
}

function loadScripts(): Scripts {
  try {
    const jis = hanCharacters(
      'shift_jis',
      [...range(0x88, 0x9f), ...range(0xe0, 0xea)],
      [...range(0x40, 0x7e), ...range(0x80, 0xfc)]
    )
    const gb2312 = hanCharacters('gbk', range(0xb0, 0xf7), range(0xa1, 0xfe))
    const big5 = hanCharacters('big5', range(0xa4, 0xf9), [
      ...range(0x40, 0x7e),
      ...range(0xa1, 0xfe),
    ])
    return {
      japaneseOnly: new Set([...jis].filter((char) => !gb2312.has(char) && !big5.has(char))),
      chineseOnly: new Set([...gb2312, ...big5].filter((char) => !jis.has(char))),
    }
  } catch {
    // A Node.js without full ICU has no legacy decoders: only kana then tell Japanese apart.
    return { japaneseOnly: new Set(), chineseOnly: new Set() }
  }
}

/** Whether a text is written in Japanese script (and not in Chinese). */
export function isJapaneseText(text: string) {
  if (KANA.test(text)) return true
  if (!HAN.test(text)) return false

  scripts ??= loadScripts()
  let japanese = false
  for (const char of text) {
    if (CHINESE_PARTICLES.has(char) || scripts.chineseOnly.has(char)) return false
    if (JAPANESE_MARKS.has(char) || scripts.japaneseOnly.has(char)) japanese = true
  }
  return japanese
}
