;; Philox4x32-10 and the Box–Muller transform in WebAssembly SIMD: the same numbers as philox.ts.
;;
;; Assembled by `npm run build:wasm` (src/cli/build-wasm.ts, wabt) into philox-wasm-bytes.ts, which a
;; unit test rebuilds and compares byte for byte. Loaded by philox-wasm.ts, which falls back to
;; philox.ts where WebAssembly SIMD is missing.
;;
;; One loop iteration handles a group of four Philox blocks (the four i32x4 lanes), i.e. 16 outputs:
;; element 4·block + k comes from word k of block `block`, exactly as in philox.ts.
;;
;; Normals: r·cos θ and r·sin θ with r = √(−2 ln u₁), θ = 2π·u₂, computed in float64 and rounded to
;; float32, like the TypeScript. WebAssembly has no ln/sin/cos, so they are fdlibm's (Sun
;; Microsystems, 1993; the FreeBSD msun versions of e_log.c, k_sin.c, k_cos.c): ln is the engine's
;; (V8's Math.log is this fdlibm code) and sin/cos agree with the engine's to a few units in the last
;; place of a float64. A float32 result is only uncertain when the float64 value lies within 1,024
;; units in its last place of a float32 rounding boundary (about one group in 16,000); such groups
;; are reported in a list and recomputed by the caller in TypeScript, so every float32 is the
;; TypeScript one.
(module
  (memory (export "memory") 3)

  ;; Philox4x32-10 of `groups` groups of four counters (block + 4g + 0..3, a, b, purpose) under key
  ;; (k0, k1), stored word-major at $at: per group four vectors, word k of the four blocks in each.
  (func $philox (param $at i32) (param $groups i32) (param $block i32)
    (param $a i32) (param $b i32) (param $p i32) (param $k0 i32) (param $k1 i32)
    (local $g i32) (local $round i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $key0 v128) (local $key1 v128)
    (local $p0 v128) (local $p1 v128) (local $l0 v128) (local $ptr i32)
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $x0 (i32x4.add (i32x4.splat (i32.add (local.get $block) (i32.shl (local.get $g) (i32.const 2))))
          (v128.const i32x4 0 1 2 3)))
        (local.set $x1 (i32x4.splat (local.get $a)))
        (local.set $x2 (i32x4.splat (local.get $b)))
        (local.set $x3 (i32x4.splat (local.get $p)))
        (local.set $key0 (i32x4.splat (local.get $k0)))
        (local.set $key1 (i32x4.splat (local.get $k1)))
        (local.set $round (i32.const 0))
        (loop $rounds
          ;; p0 = hi(M0·x0) (lanes 0..3), p1 = hi(M1·x2); the products' low halves are i32x4.mul.
          (local.set $p0 (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            (i64x2.extmul_low_i32x4_u (local.get $x0) (v128.const i32x4 0xd2511f53 0xd2511f53 0xd2511f53 0xd2511f53))
            (i64x2.extmul_high_i32x4_u (local.get $x0) (v128.const i32x4 0xd2511f53 0xd2511f53 0xd2511f53 0xd2511f53))))
          (local.set $p1 (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            (i64x2.extmul_low_i32x4_u (local.get $x2) (v128.const i32x4 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57))
            (i64x2.extmul_high_i32x4_u (local.get $x2) (v128.const i32x4 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57))))
          ;; (x0, x1, x2, x3) ← (hi1 ^ x1 ^ key0, lo1, hi0 ^ x3 ^ key1, lo0)
          (local.set $l0 (i32x4.mul (local.get $x0) (v128.const i32x4 0xd2511f53 0xd2511f53 0xd2511f53 0xd2511f53)))
          (local.set $x0 (v128.xor (v128.xor (local.get $p1) (local.get $x1)) (local.get $key0)))
          (local.set $x1 (i32x4.mul (local.get $x2) (v128.const i32x4 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57)))
          (local.set $x2 (v128.xor (v128.xor (local.get $p0) (local.get $x3)) (local.get $key1)))
          (local.set $x3 (local.get $l0))
          (local.set $key0 (i32x4.add (local.get $key0) (v128.const i32x4 0x9e3779b9 0x9e3779b9 0x9e3779b9 0x9e3779b9)))
          (local.set $key1 (i32x4.add (local.get $key1) (v128.const i32x4 0xbb67ae85 0xbb67ae85 0xbb67ae85 0xbb67ae85)))
          (local.set $round (i32.add (local.get $round) (i32.const 1)))
          (br_if $rounds (i32.lt_u (local.get $round) (i32.const 10))))
        (local.set $ptr (i32.add (local.get $at) (i32.shl (local.get $g) (i32.const 6))))
        (v128.store offset=0 (local.get $ptr) (local.get $x0))
        (v128.store offset=16 (local.get $ptr) (local.get $x1))
        (v128.store offset=32 (local.get $ptr) (local.get $x2))
        (v128.store offset=48 (local.get $ptr) (local.get $x3))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $group))))

  ;; Rows r0..r3 (word k of blocks 0..3) stored block by block: 16 words at $ptr.
  (func $store4 (param $ptr i32) (param $r0 v128) (param $r1 v128) (param $r2 v128) (param $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
    (local.set $t1 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
    (local.set $t2 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
    (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
    (v128.store offset=0 (local.get $ptr)
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
    (v128.store offset=16 (local.get $ptr)
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
    (v128.store offset=32 (local.get $ptr)
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t2) (local.get $t3)))
    (v128.store offset=48 (local.get $ptr)
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t2) (local.get $t3))))

  ;; Raw words of `groups` groups from block `block` on (what philox4x32 writes, block after block).
  (func (export "words") (param $out i32) (param $groups i32) (param $block i32)
    (param $a i32) (param $b i32) (param $p i32) (param $k0 i32) (param $k1 i32)
    (local $ptr i32) (local $end i32)
    (call $philox (local.get $out) (local.get $groups) (local.get $block)
      (local.get $a) (local.get $b) (local.get $p) (local.get $k0) (local.get $k1))
    (local.set $ptr (local.get $out))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $groups) (i32.const 6))))
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (call $store4 (local.get $ptr)
          (v128.load offset=0 (local.get $ptr)) (v128.load offset=16 (local.get $ptr))
          (v128.load offset=32 (local.get $ptr)) (v128.load offset=48 (local.get $ptr)))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 64)))
        (br $group))))

  ;; ±1 as float32 from bit 0 of each word (fillRademacher): bits 0xbf800000 ^ (bit0 << 31).
  (func $sign (param $w v128) (result v128)
    (v128.xor (v128.const i32x4 0xbf800000 0xbf800000 0xbf800000 0xbf800000)
      (i32x4.shl (v128.and (local.get $w) (v128.const i32x4 1 1 1 1)) (i32.const 31))))

  (func (export "signs") (param $out i32) (param $groups i32) (param $block i32)
    (param $a i32) (param $b i32) (param $p i32) (param $k0 i32) (param $k1 i32)
    (local $ptr i32) (local $end i32)
    (call $philox (local.get $out) (local.get $groups) (local.get $block)
      (local.get $a) (local.get $b) (local.get $p) (local.get $k0) (local.get $k1))
    (local.set $ptr (local.get $out))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $groups) (i32.const 6))))
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (call $store4 (local.get $ptr)
          (call $sign (v128.load offset=0 (local.get $ptr))) (call $sign (v128.load offset=16 (local.get $ptr)))
          (call $sign (v128.load offset=32 (local.get $ptr))) (call $sign (v128.load offset=48 (local.get $ptr))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 64)))
        (br $group))))

  ;; toUnit of lanes 0 and 1: ((w >>> 8) + 0.5) · 2⁻²⁴ in float64.
  (func $unit (param $w v128) (result v128)
    (f64x2.mul
      (f64x2.add
        (f64x2.convert_low_i32x4_u (i32x4.shr_u (local.get $w) (i32.const 8)))
        (v128.const f64x2 0.5 0.5))
      (v128.const f64x2 0x1p-24 0x1p-24)))

  ;; ln x for positive normal x: fdlibm's e_log.c without its |f| < 2⁻²⁰ shortcut (whose float64
  ;; result can differ from the general formula's in the last place; the caller's margin covers it).
  (func $log (param $x v128) (result v128)
    (local $hx v128) (local $k v128) (local $i v128) (local $f v128) (local $s v128)
    (local $dk v128) (local $z v128) (local $w v128) (local $r v128) (local $hfsq v128) (local $big v128)
    ;; hx = high word, k = exponent
    (local.set $hx (i64x2.shr_u (local.get $x) (i32.const 32)))
    (local.set $k (i64x2.sub (i64x2.shr_u (local.get $hx) (i32.const 20)) (v128.const i64x2 1023 1023)))
    (local.set $hx (v128.and (local.get $hx) (v128.const i64x2 0xfffff 0xfffff)))
    (local.set $i (v128.and (i64x2.add (local.get $hx) (v128.const i64x2 0x95f64 0x95f64))
      (v128.const i64x2 0x100000 0x100000)))
    ;; normalise x or x/2 into [√2/2, √2)
    (local.set $f (f64x2.sub
      (v128.or
        (i64x2.shl (v128.or (local.get $hx) (v128.xor (local.get $i) (v128.const i64x2 0x3ff00000 0x3ff00000)))
          (i32.const 32))
        (v128.and (local.get $x) (v128.const i64x2 0xffffffff 0xffffffff)))
      (v128.const f64x2 1 1)))
    (local.set $k (i64x2.add (local.get $k) (i64x2.shr_u (local.get $i) (i32.const 20))))
    (local.set $s (f64x2.div (local.get $f) (f64x2.add (v128.const f64x2 2 2) (local.get $f))))
    (local.set $dk (f64x2.convert_low_i32x4_s
      (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $k) (local.get $k))))
    (local.set $z (f64x2.mul (local.get $s) (local.get $s)))
    (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
    ;; R = t2 + t1, t1 = w·(Lg2 + w·(Lg4 + w·Lg6)), t2 = z·(Lg1 + w·(Lg3 + w·(Lg5 + w·Lg7)))
    (local.set $r (f64x2.add
      (f64x2.mul (local.get $z)
        (f64x2.add (v128.const f64x2 6.666666666666735130e-01 6.666666666666735130e-01)
          (f64x2.mul (local.get $w)
            (f64x2.add (v128.const f64x2 2.857142874366239149e-01 2.857142874366239149e-01)
              (f64x2.mul (local.get $w)
                (f64x2.add (v128.const f64x2 1.818357216161805012e-01 1.818357216161805012e-01)
                  (f64x2.mul (local.get $w) (v128.const f64x2 1.479819860511658591e-01 1.479819860511658591e-01))))))))
      (f64x2.mul (local.get $w)
        (f64x2.add (v128.const f64x2 3.999999999940941908e-01 3.999999999940941908e-01)
          (f64x2.mul (local.get $w)
            (f64x2.add (v128.const f64x2 2.222219843214978396e-01 2.222219843214978396e-01)
              (f64x2.mul (local.get $w) (v128.const f64x2 1.531383769920937332e-01 1.531383769920937332e-01))))))))
    ;; fdlibm's i = (hx − 0x6147a) | (0x6b851 − hx) > 0
    (local.set $big (i64x2.gt_s
      (v128.or (i64x2.sub (local.get $hx) (v128.const i64x2 0x6147a 0x6147a))
        (i64x2.sub (v128.const i64x2 0x6b851 0x6b851) (local.get $hx)))
      (v128.const i64x2 0 0)))
    (local.set $hfsq (f64x2.mul (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $f)) (local.get $f)))
    ;; With dk = 0 these are fdlibm's k = 0 forms exactly (0·ln2 = 0 and −(a − f) = f − a).
    (v128.bitselect
      ;; dk·ln2_hi − ((hfsq − (s·(hfsq + R) + dk·ln2_lo)) − f)
      (f64x2.sub
        (f64x2.mul (local.get $dk) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
        (f64x2.sub
          (f64x2.sub (local.get $hfsq)
            (f64x2.add (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $r)))
              (f64x2.mul (local.get $dk) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))))
          (local.get $f)))
      ;; dk·ln2_hi − ((s·(f − R) − dk·ln2_lo) − f)
      (f64x2.sub
        (f64x2.mul (local.get $dk) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
        (f64x2.sub
          (f64x2.sub (f64x2.mul (local.get $s) (f64x2.sub (local.get $f) (local.get $r)))
            (f64x2.mul (local.get $dk) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
          (local.get $f)))
      (local.get $big)))

  ;; (cos θ, sin θ) for 0 < θ < 2π: θ − n·π/2 with π/2 in two parts (fdlibm's pio2_1, pio2_1t), then
  ;; msun's __kernel_cos and __kernel_sin on the reduced argument y + yy.
  (func $sincos (param $t v128) (result v128 v128)
    (local $n v128) (local $ni v128) (local $r v128) (local $w v128) (local $y v128) (local $yy v128)
    (local $z v128) (local $zw v128) (local $v v128) (local $hz v128) (local $cw v128)
    (local $ks v128) (local $kc v128) (local $swap v128)
    (local.set $n (f64x2.nearest (f64x2.mul (local.get $t)
      (v128.const f64x2 6.36619772367581382433e-01 6.36619772367581382433e-01))))
    (local.set $r (f64x2.sub (local.get $t)
      (f64x2.mul (local.get $n) (v128.const f64x2 1.57079632673412561417e+00 1.57079632673412561417e+00))))
    (local.set $w (f64x2.mul (local.get $n) (v128.const f64x2 6.07710050650619224932e-11 6.07710050650619224932e-11)))
    (local.set $y (f64x2.sub (local.get $r) (local.get $w)))
    (local.set $yy (f64x2.sub (f64x2.sub (local.get $r) (local.get $y)) (local.get $w)))
    (local.set $z (f64x2.mul (local.get $y) (local.get $y)))
    (local.set $zw (f64x2.mul (local.get $z) (local.get $z)))
    ;; __kernel_sin(y, yy, 1): y − ((z·(½yy − v·R) − yy) − v·S1), R = S2 + z(S3 + z·S4) + z·w(S5 + z·S6)
    (local.set $v (f64x2.mul (local.get $z) (local.get $y)))
    (local.set $ks (f64x2.sub (local.get $y)
      (f64x2.sub
        (f64x2.sub
          (f64x2.mul (local.get $z)
            (f64x2.sub (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $yy))
              (f64x2.mul (local.get $v)
                (f64x2.add
                  (f64x2.add (v128.const f64x2 8.33333333332248946124e-03 8.33333333332248946124e-03)
                    (f64x2.mul (local.get $z)
                      (f64x2.add (v128.const f64x2 -1.98412698298579493134e-04 -1.98412698298579493134e-04)
                        (f64x2.mul (local.get $z) (v128.const f64x2 2.75573137070700676789e-06 2.75573137070700676789e-06)))))
                  (f64x2.mul (f64x2.mul (local.get $z) (local.get $zw))
                    (f64x2.add (v128.const f64x2 -2.50507602534068634195e-08 -2.50507602534068634195e-08)
                      (f64x2.mul (local.get $z) (v128.const f64x2 1.58969099521155010221e-10 1.58969099521155010221e-10))))))))
          (local.get $yy))
        (f64x2.mul (local.get $v) (v128.const f64x2 -1.66666666666666324348e-01 -1.66666666666666324348e-01)))))
    ;; __kernel_cos(y, yy): R = z(C1 + z(C2 + z·C3)) + w²(C4 + z(C5 + z·C6)); hz = ½z; c = 1 − hz;
    ;; c + (((1 − c) − hz) + (z·R − y·yy))
    (local.set $hz (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $z)))
    (local.set $cw (f64x2.sub (v128.const f64x2 1 1) (local.get $hz)))
    (local.set $kc (f64x2.add (local.get $cw)
      (f64x2.add
        (f64x2.sub (f64x2.sub (v128.const f64x2 1 1) (local.get $cw)) (local.get $hz))
        (f64x2.sub
          (f64x2.mul (local.get $z)
            (f64x2.add
              (f64x2.mul (local.get $z)
                (f64x2.add (v128.const f64x2 4.16666666666666019037e-02 4.16666666666666019037e-02)
                  (f64x2.mul (local.get $z)
                    (f64x2.add (v128.const f64x2 -1.38888888888741095749e-03 -1.38888888888741095749e-03)
                      (f64x2.mul (local.get $z) (v128.const f64x2 2.48015872894767294178e-05 2.48015872894767294178e-05))))))
              (f64x2.mul (f64x2.mul (local.get $zw) (local.get $zw))
                (f64x2.add (v128.const f64x2 -2.75573143513906633035e-07 -2.75573143513906633035e-07)
                  (f64x2.mul (local.get $z)
                    (f64x2.add (v128.const f64x2 2.08757232129817482790e-09 2.08757232129817482790e-09)
                      (f64x2.mul (local.get $z) (v128.const f64x2 -1.13596475577881948265e-11 -1.13596475577881948265e-11))))))))
          (f64x2.mul (local.get $y) (local.get $yy))))))
    ;; Quadrant n (0..4): odd n swaps sin and cos; n & 2 negates sin, (n + 1) & 2 negates cos.
    (local.set $ni (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $n))))
    (local.set $swap (i64x2.shr_s (i64x2.shl (local.get $ni) (i32.const 63)) (i32.const 63)))
    ;; cos
    (v128.xor (v128.bitselect (local.get $ks) (local.get $kc) (local.get $swap))
      (i64x2.shl (v128.and (i64x2.add (local.get $ni) (v128.const i64x2 1 1)) (v128.const i64x2 2 2)) (i32.const 62)))
    ;; sin
    (v128.xor (v128.bitselect (local.get $kc) (local.get $ks) (local.get $swap))
      (i64x2.shl (v128.and (local.get $ni) (v128.const i64x2 2 2)) (i32.const 62))))

  ;; Whether some lane of the float64 pair d might round to another float32 than a value within
  ;; 1024 units in the last place of it: the 29 bits that rounding to float32 drops lie within 1024 of
  ;; the halfway point 2²⁸ (the only place where rounding to nearest changes its mind).
  (func $unsure (param $d v128) (result v128)
    (i64x2.lt_s
      (i64x2.abs (i64x2.sub (v128.and (local.get $d) (v128.const i64x2 0x1fffffff 0x1fffffff))
        (v128.const i64x2 0x10000000 0x10000000)))
      (v128.const i64x2 1024 1024)))

  ;; Standard normals of `groups` groups from block `block` on (fillNormal's element order), 64 bytes
  ;; a group at $out; the words go to $scratch first (as much room). Returns how many groups were
  ;; unsure; their indices (0-based, in this call) are written as i32 at $unsureAt (room for `groups`).
  ;;
  ;; Box–Muller unit u = 4g + 2h + q (pair q of words, blocks 2h and 2h + 1 of group g): radius from
  ;; word 2q, angle from word 2q + 1, both read as lanes 0, 1 of a 64-bit load; it writes elements
  ;; 2q, 2q + 1 of both blocks.
  (func (export "normals") (param $out i32) (param $groups i32) (param $block i32)
    (param $a i32) (param $b i32) (param $p i32) (param $k0 i32) (param $k1 i32)
    (param $scratch i32) (param $unsureAt i32) (result i32)
    (local $u i32) (local $units i32) (local $count i32) (local $last i32) (local $from i32) (local $to i32)
    (local $r v128) (local $c v128) (local $s v128) (local $v v128)
    (call $philox (local.get $scratch) (local.get $groups) (local.get $block)
      (local.get $a) (local.get $b) (local.get $p) (local.get $k0) (local.get $k1))
    (local.set $units (i32.shl (local.get $groups) (i32.const 2)))
    (local.set $last (i32.const -1))
    (block $done
      (loop $unit
        (br_if $done (i32.ge_u (local.get $u) (local.get $units)))
        ;; words at g·64 + q·32 + h·8 (+16 for the angle); outputs at g·64 + h·32 + q·8 (+16, block 2h + 1)
        (local.set $from (i32.add (local.get $scratch)
          (i32.add (i32.shl (i32.shr_u (local.get $u) (i32.const 2)) (i32.const 6))
            (i32.add (i32.shl (i32.and (local.get $u) (i32.const 1)) (i32.const 5))
              (i32.shl (i32.and (local.get $u) (i32.const 2)) (i32.const 2))))))
        (local.set $to (i32.add (local.get $out)
          (i32.add (i32.shl (i32.shr_u (local.get $u) (i32.const 2)) (i32.const 6))
            (i32.add (i32.shl (i32.and (local.get $u) (i32.const 2)) (i32.const 4))
              (i32.shl (i32.and (local.get $u) (i32.const 1)) (i32.const 3))))))
        (local.set $r (f64x2.sqrt (f64x2.mul (v128.const f64x2 -2 -2)
          (call $log (call $unit (v128.load64_zero (local.get $from)))))))
        (call $sincos (f64x2.mul (v128.const f64x2 0x1.921fb54442d18p+2 0x1.921fb54442d18p+2)
          (call $unit (v128.load64_zero offset=16 (local.get $from)))))
        (local.set $s) (local.set $c)
        (local.set $c (f64x2.mul (local.get $r) (local.get $c)))
        (local.set $s (f64x2.mul (local.get $r) (local.get $s)))
        ;; [r₀cos θ₀, r₀sin θ₀, r₁cos θ₁, r₁sin θ₁] as float32
        (local.set $v (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $c)) (f32x4.demote_f64x2_zero (local.get $s))))
        (v128.store64_lane 0 (local.get $to) (local.get $v))
        (v128.store64_lane offset=16 1 (local.get $to) (local.get $v))
        (if (i32.and
              (v128.any_true (v128.or (call $unsure (local.get $c)) (call $unsure (local.get $s))))
              (i32.ne (local.get $last) (i32.shr_u (local.get $u) (i32.const 2))))
          (then
            (local.set $last (i32.shr_u (local.get $u) (i32.const 2)))
            (i32.store (i32.add (local.get $unsureAt) (i32.shl (local.get $count) (i32.const 2))) (local.get $last))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $u (i32.add (local.get $u) (i32.const 1)))
        (br $unit)))
    (local.get $count))

  ;; The perturbation pass: θ ← θ + float32(s·z) over n float32s (n a multiple of 4), in place. The
  ;; TypeScript computes it in float64 and rounds to float32, which for one product or one sum of
  ;; float32s gives the float32 operation's result: the same numbers.
  (func (export "axpy") (param $theta i32) (param $z i32) (param $n i32) (param $s f32)
    (local $i i32) (local $end i32) (local $sv v128)
    (local.set $sv (f32x4.splat (local.get $s)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $four
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $theta) (local.get $i))
          (f32x4.add (v128.load (i32.add (local.get $theta) (local.get $i)))
            (f32x4.mul (local.get $sv) (v128.load (i32.add (local.get $z) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $four))))

  ;; For the tests: √(−2 ln u) and (cos θ, sin θ) in float64 for n (even) words at $in, as $normals
;; computes them: radii → n float64s; angles → per pair of words [cos, cos, sin, sin].
  (func (export "radii") (param $in i32) (param $out i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64x2.sqrt (f64x2.mul (v128.const f64x2 -2 -2)
            (call $log (call $unit (v128.load64_zero (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair))))

  (func (export "angles") (param $in i32) (param $out i32) (param $n i32)
    (local $i i32) (local $ptr i32) (local $c v128) (local $s v128)
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (call $sincos (f64x2.mul (v128.const f64x2 0x1.921fb54442d18p+2 0x1.921fb54442d18p+2)
          (call $unit (v128.load64_zero (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))))
        (local.set $s) (local.set $c)
        (local.set $ptr (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 4))))
        (v128.store offset=0 (local.get $ptr) (local.get $c))
        (v128.store offset=16 (local.get $ptr) (local.get $s))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair))))
)
