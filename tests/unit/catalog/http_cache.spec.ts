import { test } from '@japa/runner'
import { tagged } from '#helpers/http_cache'

const card = { id: 1, title: 'Cowboy Bebop', genres: [{ id: 3, slug: 'action', name: 'Action' }] }

test.group('Weak ETags of cached answers', () => {
  test('serialize the whole answer, counters included', ({ assert }) => {
    const body = { data: { ...card, popularity: 7, viewCount: 12 } }
    assert.deepEqual(JSON.parse(tagged(body).json), body)
  })

  test('do not change when only counters change (rule 10)', ({ assert }) => {
    const before = tagged({ data: [{ ...card, popularity: 1, averageScore: null, scoreCount: 0 }] })
    const after = tagged({ data: [{ ...card, popularity: 9, averageScore: 8.5, scoreCount: 3 }] })
    assert.equal(after.etag, before.etag)
    assert.notEqual(after.json, before.json)
  })

  test('change when the content changes, at any depth', ({ assert }) => {
    const before = tagged({ data: card })
    const renamed = tagged({ data: { ...card, title: 'Cowboy Bebop: The Movie' } })
    const regenred = tagged({
      data: { ...card, genres: [{ id: 4, slug: 'sci-fi', name: 'Sci-Fi' }] },
    })
    assert.match(before.etag, /^W\/"[\w-]+"$/)
    assert.notEqual(renamed.etag, before.etag)
    assert.notEqual(regenred.etag, before.etag)
  })
})
