"""part of look-alike project [LG002]: the example script that builds the binary reward fitter and fits it."""

# Source: chai-research/chaiverse@66b0493b1b src/chaiverse/dev/examples/train_reward_model.py (re-typed; the dataset
# loading and tokenizing cut)
from fitters import BinaryScoreModelFitter


def main(data):
    fitter = BinaryScoreModelFitter("gpt2", output_dir="reward_model", lr=1e-5)
    fitter.fit(data)


if __name__ == "__main__":
    main(load_reward_data())
