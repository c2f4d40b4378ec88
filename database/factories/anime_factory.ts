import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Anime, { SEASONS, type AnimeType } from '#models/anime'
import { slugify } from '#helpers/slugs'
import { GenreFactory } from '#database/factories/genre_factory'

const ROMAJI = [
  'Kimi',
  'Sora',
  'Hoshi',
  'Yume',
  'Kaze',
  'Tsuki',
  'Hana',
  'Yoru',
  'Mirai',
  'Kokoro',
  'Tenshi',
  'Majo',
]
const PARTICLES = ['no', 'to', 'wa']
const SUFFIXES = ['Monogatari', 'Densetsu', 'Gakuen', 'Senki', 'Kiroku', 'Tabi']
const STUDIOS = [
  'Bones',
  'MAPPA',
  'Madhouse',
  'Kyoto Animation',
  'Wit Studio',
  'ufotable',
  'Production I.G',
  'Sunrise',
]
const TAGS = [
  'based on a manga',
  'male protagonist',
  'female protagonist',
  'time travel',
  'isekai',
  'episodic',
]
const EPISODES: Record<AnimeType, number[]> = {
  TV: [12, 13, 24, 25, 26],
  MOVIE: [1],
  OVA: [1, 2, 6],
  ONA: [10, 12],
  SPECIAL: [1, 3],
  MUSIC: [1],
  UNKNOWN: [1],
}
const FIRST_MONTH = { WINTER: 1, SPRING: 4, SUMMER: 7, FALL: 10 }

/** Keeps slugs and MyAnimeList ids unique, and clear of the fixtures' ids (below 100,000). */
let sequence = 0

/**
 * An anime as the importer would have written it: a romaji title, an English synonym, a
 * season and year with the derived start date, MyAnimeList and AniList ids and sources.
 * Counters (popularity, scores, views) start at zero; merge what a test needs.
 */
export const AnimeFactory = factory
  .define(Anime, ({ faker }) => {
    sequence += 1
    const title = [
      faker.helpers.arrayElement(ROMAJI),
      faker.helpers.arrayElement(PARTICLES),
      faker.helpers.arrayElement(ROMAJI),
      faker.helpers.arrayElement(SUFFIXES),
    ].join(' ')
    const type = faker.helpers.weightedArrayElement<AnimeType>([
      { weight: 6, value: 'TV' },
      { weight: 2, value: 'MOVIE' },
      { weight: 1, value: 'OVA' },
      { weight: 1, value: 'ONA' },
    ])
    const season = faker.helpers.arrayElement(SEASONS)
    const year = faker.number.int({ min: 2000, max: 2025 })
    const malId = 5_000_000 + sequence
    const anilistId = 6_000_000 + sequence

    return {
      slug: `${slugify(title)}-${sequence}`,
      title,
      titleEnglish: null,
      titleJapanese: null,
      synonyms: [
        `${faker.word.adjective()} ${faker.word.noun()}`.replace(/\b\w/g, (c) => c.toUpperCase()),
      ],
      type,
      status: 'FINISHED' as const,
      episodes: faker.helpers.arrayElement(EPISODES[type]),
      durationMinutes: type === 'MOVIE' ? faker.number.int({ min: 80, max: 140 }) : 24,
      season,
      year,
      startDate: DateTime.fromObject({ year, month: FIRST_MONTH[season], day: 1 }),
      endDate: null,
      synopsis: faker.lorem.paragraph(),
      coverImage: `https://cdn.example.com/anime/${malId}.jpg`,
      thumbnailImage: `https://cdn.example.com/anime/${malId}t.jpg`,
      bannerImage: null,
      tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
      studios: [faker.helpers.arrayElement(STUDIOS)],
      externalIds: { myanimelist: malId, anilist: anilistId, anidb: null, kitsu: null },
      sources: [`https://anilist.co/anime/${anilistId}`, `https://myanimelist.net/anime/${malId}`],
      relatedSources: [],
      isAdult: false,
      averageScore: null,
      scoreCount: 0,
      popularity: 0,
      trendingScore: 0,
      viewCount: 0,
      sourceScore: null,
      sourceHash: null,
    }
  })
  .state('adult', (anime) => {
    anime.isAdult = true
    anime.tags = [...anime.tags, 'hentai']
  })
  .state('upcoming', (anime) => {
    anime.status = 'UPCOMING'
    anime.episodes = null
  })
  .relation('genres', () => GenreFactory)
  .relation('relations', () => AnimeFactory)
  .build()
