"""part of positive project [LG003]: the example training script: the model class is looked up by the name given on the command line (python train.py -mn ConvE) through the package's Importer, built from its config and handed to the Trainer."""
# Source: Sujit-O/pykg2vec at 492807b6, examples/train.py; re-typed, identifiers renamed; the long usage docstring cut.
# KnowledgeGraph, Importer and KGEArgParser are the repository's (not included).
import sys

from pykg2vec.data.kgcontroller import KnowledgeGraph
from pykg2vec.common import Importer, KGEArgParser
from pykg2vec.utils.trainer import Trainer


def main():
    args = KGEArgParser().get_args(sys.argv[1:])
    knowledge_graph = KnowledgeGraph(dataset=args.dataset_name, custom_dataset_path=args.dataset_path)
    knowledge_graph.prepare_data()
    config_def, model_def = Importer().import_model_config(args.model_name.lower())
    config = config_def(args)
    model = model_def(**config.__dict__)
    trainer = Trainer(model, config)
    trainer.build_model()
    trainer.train_model()


if __name__ == "__main__":
    main()
