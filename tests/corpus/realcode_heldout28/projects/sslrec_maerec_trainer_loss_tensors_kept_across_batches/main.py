"""part of positive project [LG006]: the entry point builds the data handler, the model named in the config, a logger and the trainer named in the config, then trains and tests."""
# Source: hkuds/SSLRec at 7597c31c, main.py (read as is); re-typed, identifiers renamed; the tuning and test-only
# entry points cut (build_data_handler, build_model, Logger, init_seed as in the source's modules).
from config.configurator import configs
from data_utils.build_data_handler import build_data_handler
from models.bulid_model import build_model
from trainer.build_trainer import build_trainer
from trainer.logger import Logger
from trainer.trainer import init_seed


def main():
    init_seed()
    data_handler = build_data_handler()
    data_handler.load_data()
    model = build_model(data_handler).to(configs['device'])
    logger = Logger()
    trainer = build_trainer(data_handler, logger)
    best = trainer.train(model)
    trainer.test(best)


if __name__ == '__main__':
    main()
