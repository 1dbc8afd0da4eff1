# moto_server, as `moto_server` starts it (moto/server.py, main), with one change that keeps what it
# answers and takes away a cost real Cognito does not have here: moto's CreateUserPool imports the same
# RSA key, from the same file, for every pool (moto/cognitoidp/models.py, CognitoIdpUserPool.__init__:
# `jwk.RSAKey.import_key(load_resource(..., "resources/jwks-private.json"))`), about 125 ms of CPU each
# time, so a local Cognito on 2 cores could not answer 10 creates a second (the benchmark's create of
# 100 pools: 12.9 s of moto CPU for a 10 s floor). The key is imported once and shared: every pool had
# the same key anyway.
import json
import sys

from joserfc import jwk

_import_key = jwk.RSAKey.import_key
_imported = {}


def _import_once(value, *args, **kwargs):
    key = json.dumps(value, sort_keys=True, default=str) + repr(args) + repr(sorted(kwargs.items()))
    if key not in _imported:
        _imported[key] = _import_key(value, *args, **kwargs)
    return _imported[key]


jwk.RSAKey.import_key = staticmethod(_import_once)

from moto.server import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
