"""part of look-alike project [LG002, LG003]: the test trains the tampering transformer on the diamonds data with task="multilabel" (4 float labels per sample), so the Classifier uses binary_cross_entropy_with_logits on the probe outputs."""
# Source: ejnnr/cupbearer at 3389efb6 ("Use BCE with logits (same as multiclass)", PR #35), tests/test_tampering.py;
# re-typed, identifiers renamed; the evaluation test cut. cupbearer.data (TamperingDataset, float32 labels) is not
# included.
import pytest
import torch

from cupbearer import data, models
from cupbearer.scripts import train_classifier


@pytest.fixture(scope="module")
def pythia():
    transformer, tokenizer, emb_dim, max_len = models.transformers_hf.load_transformer("pythia-14m")
    return models.TamperingPredictionTransformer(
        model=transformer,
        tokenizer=tokenizer,
        embed_dim=emb_dim,
        max_length=max_len,
        n_sensors=3,
    )


@pytest.fixture(scope="module")
def diamond():
    return torch.utils.data.Subset(data.TamperingDataset("diamonds"), range(10))


def test_train_measurement_predictor(pythia, diamond, tmp_path):
    loader = torch.utils.data.DataLoader(diamond, batch_size=2)
    train_classifier(
        train_loader=loader,
        model=pythia,
        num_labels=4,
        task="multilabel",
        path=tmp_path,
        max_steps=1,
        logger=False,
    )
