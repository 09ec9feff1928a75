"""``fetch_california_housing`` generated (nothing can be downloaded): LG_EXAMPLES rows (default 4000) of the eight
features at the real data's scales (median income, house age, rooms, bedrooms, population, occupancy, latitude,
longitude) and a median house value in units of 100,000 made from them (income, age, occupancy and a coastal
term) with noise, clipped to [0.15, 5.00001] as the real target is."""

import os
from types import SimpleNamespace

import numpy as np

FEATURES = ["MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population", "AveOccup", "Latitude", "Longitude"]


def fetch_california_housing(data_home=None, download_if_missing=True, return_X_y=False, as_frame=False):
    rng = np.random.default_rng(0)
    n = int(os.environ.get("LG_EXAMPLES", "4000"))
    inc = rng.lognormal(1.28, 0.45, n)
    age = rng.integers(1, 53, n).astype(float)
    rooms = np.clip(rng.normal(5.4, 1.5, n) + 0.3 * inc, 1, None)
    beds = np.clip(rng.normal(1.1, 0.15, n), 0.5, None)
    pop = rng.gamma(2.0, 700.0, n)
    occ = np.clip(rng.lognormal(1.05, 0.3, n), 0.7, None)
    lat = rng.uniform(32.5, 42.0, n)
    lon = -124.3 + (42.0 - lat) * 0.75 + rng.uniform(0, 3.5, n)
    coast = np.exp(-np.abs(lon + 124.3 - (42.0 - lat) * 0.75))
    y = 0.45 * inc + 0.008 * age - 0.25 * np.log(occ) + 1.2 * coast + rng.normal(0, 0.35, n)
    y = np.clip(y, 0.14999, 5.00001)
    X = np.stack([inc, age, rooms, beds, pop, occ, lat, lon], axis=1)
    if return_X_y:
        return X, y
    return SimpleNamespace(data=X, target=y, feature_names=FEATURES)
