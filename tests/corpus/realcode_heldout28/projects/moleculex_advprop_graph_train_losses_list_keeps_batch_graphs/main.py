"""part of positive project [LG006]: the entry point loads the split molecular graphs, builds the multi-level graph network named in the config and runs the classification or regression trainer."""
# Source: divelab/MoleculeX at 4d3df340, AdvProp/graph/src/main.py (read as is); re-typed, identifiers renamed;
# argument parsing, the dataset split and the statistics printing shortened (args, confs, get_dataset, split_data,
# MLNet2, MLNet3 as in the source's modules).
import torch

from datasets import *
from model import *
from train_eval import run_classification, run_regression

conf = confs.conf

train_set = torch.load(args.trainfile)
val_set = torch.load(args.validfile)
test_set = torch.load(args.testfile)
n_node = train_set[0].x.size(1)
n_edge = train_set[-1].edge_attr.size(1)
n_graph = None
if conf['graph_level_feature']:
    n_graph = train_set[0].graph_attr.size(-1)

if conf['model'] == "ml2":
    model = MLNet2(n_node, n_edge, n_graph, conf['hidden'], conf['dropout'], conf['num_tasks'], conf['depth'],
                   conf['graph_level_feature'])
elif conf['model'] == "ml3":
    model = MLNet3(n_node, n_edge, n_graph, conf['hidden'], conf['dropout'], conf['num_tasks'], conf['depth'],
                   conf['graph_level_feature'])
else:
    print('Please choose correct model!!!')

if conf['task_type'] == "classification":
    run_classification(train_set, val_set, test_set, model, conf['num_tasks'], conf['epochs'], conf['batch_size'],
                       conf['vt_batch_size'], conf['lr'], conf['weight_decay'], conf['loss'], conf['metric'],
                       args.save_dir)
elif conf['task_type'] == "regression":
    run_regression(train_set, val_set, test_set, model, conf['num_tasks'], conf['epochs'], conf['batch_size'],
                   conf['vt_batch_size'], conf['lr'], conf['weight_decay'], conf['metric'], args.save_dir)
