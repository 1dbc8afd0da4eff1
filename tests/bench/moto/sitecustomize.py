# Loaded by moto_server when the benchmark starts it (PYTHONPATH=tests/bench/moto): moto parses the same
# RSA private key from its resource file for every CreateUserPool (about 180 ms of CPU, under the GIL, so
# every create in the server waits for it); this keeps the parsed key. The key is the same for every pool
# either way, and nothing else in moto changes. Only the benchmark sets this PYTHONPATH.
import json

try:
    import moto.cognitoidp.models as _models
except Exception:  # not moto, or another moto: leave everything as it is
    _models = None

if _models is not None and hasattr(_models, "jwk"):
    _jwk = _models.jwk
    _cache = {}

    class _RSAKey:
        @staticmethod
        def import_key(value, *args, **kwargs):
            if args or kwargs:
                return _jwk.RSAKey.import_key(value, *args, **kwargs)
            key = json.dumps(value, sort_keys=True) if isinstance(value, dict) else value
            if key not in _cache:
                _cache[key] = _jwk.RSAKey.import_key(value)
            return _cache[key]

    class _Jwk:
        RSAKey = _RSAKey

        def __getattr__(self, name):
            return getattr(_jwk, name)

    _models.jwk = _Jwk()
