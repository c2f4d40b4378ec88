import type { ApiRequest, ApiResponse } from '@japa/api-client'

/** Sends a request and asserts its status, for the checks that need nothing else of it. */
export async function expectStatus(request: ApiRequest | Promise<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
  return response
}
