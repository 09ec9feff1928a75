"""part of positive project [LG005]: the entry point puts ../network on sys.path and runs the training pipeline from a YAML config."""
# Source: xmindfulx/pytorch-lightning-tutorial at f3bb3998a42d539e9e15215a802b676ea3f42388 linear_regression/standard/main/experiment.py (error messages shortened)
import sys
sys.path.append("../network")

import yaml
import argparse

import train_model

import warnings
warnings.filterwarnings("ignore")


def load_config(argument):
    try:
        return yaml.load(open(argument), Loader=yaml.FullLoader)
    except:
        print("\nError: Loading Configuration File")
        exit()


if __name__ == "__main__":
    args = argparse.ArgumentParser()
    args.add_argument("-config", help="Experiment Configuration File")
    args = args.parse_args()
    params = load_config(args.config)
    train_model.run(params)
