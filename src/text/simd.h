// SSE2 byte tests the text stage's scans share. Internal to src/text; header-only so
// each scan inlines them in its loop.
#ifndef ACTORGRAPH_SRC_TEXT_SIMD_H_
#define ACTORGRAPH_SRC_TEXT_SIMD_H_

#if defined(__SSE2__)
#include <emmintrin.h>

namespace actorgraph::text::simd {

// The high bit set in each byte of v that lies outside [lo, hi] (ASCII bounds), in two
// operations and with no copy of a bound (as a comparison, which SSE2 writes over its
// left operand, would need): subtracting lo leaves [lo, hi] at [0, hi - lo], and the
// saturating add carries exactly the bytes above that into the high bit. (GCC also
// rewrote an "outside" comparison into an "inside" one and an inversion.)
inline __m128i OutsideRange(__m128i v, char lo, char hi) {
  const __m128i from_lo = _mm_sub_epi8(v, _mm_set1_epi8(lo));
  return _mm_adds_epu8(from_lo, _mm_set1_epi8(static_cast<char>(0x7F - (hi - lo))));
}

}  // namespace actorgraph::text::simd

#endif  // __SSE2__
#endif  // ACTORGRAPH_SRC_TEXT_SIMD_H_
