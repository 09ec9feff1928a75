"""part of positive project [LG001]: the Trojan-detection example builds GRAPH2VEC with an nn.Linear output layer and trains it with GraphTrainer."""
# Source: AICPS/hw2vec@545dd5947124ca2d99680508f8e7d55d60fb20d2 examples/use_case_2.py (read as is; re-typed, the graph-conversion branch shortened)
import os, sys
sys.path.append(os.path.dirname(sys.path[0]))
from hw2vec.config import Config
from hw2vec.hw2graph import *
from hw2vec.graph2vec.models import *

cfg = Config(sys.argv[1:])

data_proc = DataProcessor(cfg)
data_proc.read_graph_data_from_cache(cfg.data_pkl_path)

TROJAN = 1
NON_TROJAN = 0

all_graphs = data_proc.get_graphs()
for data in all_graphs:
    data.label = NON_TROJAN if data.hw_type == "TjFree" else TROJAN

train_graphs, test_graphs = data_proc.split_dataset(ratio=cfg.ratio, seed=cfg.seed, dataset=all_graphs)
train_loader = DataLoader(train_graphs, shuffle=True, batch_size=cfg.batch_size)
valid_loader = DataLoader(test_graphs, shuffle=True, batch_size=1)

model = GRAPH2VEC(cfg)
model.set_graph_conv([
    GRAPH_CONV("gcn", data_proc.num_node_labels, cfg.hidden),
    GRAPH_CONV("gcn", cfg.hidden, cfg.hidden),
])
model.set_graph_pool(GRAPH_POOL("sagpool", cfg.hidden, cfg.poolratio))
model.set_graph_readout(GRAPH_READOUT("max"))
model.set_output_layer(nn.Linear(cfg.hidden, cfg.embed_dim))

model.to(cfg.device)
trainer = GraphTrainer(cfg, class_weights=data_proc.get_class_weights(train_graphs))
trainer.build(model)
trainer.train(train_loader, valid_loader)
trainer.evaluate(cfg.epochs, train_loader, valid_loader)
