"""part of look-alike project [LG001, LG006, LG014]: after the fix the script deletes the classifier's last module (del classifier[-1], the nn.Softmax of the nn.Sequential) before training, so CrossEntropyLoss gets the Linear scores; the classifier class itself still ends in Softmax for inference."""
# Source: quic/sense at eb5bdb35 ("Remove softmax layer during finetuning", PR #47, the fix), scripts/train_classifier.py;
# re-typed, identifiers renamed; the docopt usage text, feature extraction and checkpoint clean-up shortened.
import json
import os

import torch.utils.data
from docopt import docopt

from realtimenet import feature_extractors
from realtimenet.downstream_tasks.nn_utils import LogisticRegression, Pipe
from realtimenet.finetuning import generate_data_loader, training_loops

if __name__ == "__main__":
    args = docopt(__doc__)
    path_in = args["--path_in"]
    path_out = args["--path_out"] or path_in
    use_gpu = args["--use_gpu"]
    num_layers_to_finetune = int(args["--num_layers_to_finetune"])

    backbone = feature_extractors.StridedInflatedEfficientNet()
    backbone.load_state_dict(torch.load("resources/backbone/strided_inflated_efficientnet.ckpt"))
    backbone.eval()
    num_timesteps = backbone.num_required_frames_per_layer.get(-num_layers_to_finetune) if num_layers_to_finetune else 1
    if num_layers_to_finetune > 0:
        bottom = backbone.cnn[-num_layers_to_finetune:]
        backbone.cnn = backbone.cnn[0:-num_layers_to_finetune]

    label_names = sorted(x for x in os.listdir(os.path.join(path_in, "videos_train")) if not x.startswith("."))
    label2int = {name: i for i, name in enumerate(label_names)}
    train_loader = generate_data_loader(os.path.join(path_in, "features_train"), label_names, label2int,
                                        num_timesteps=num_timesteps)
    valid_loader = generate_data_loader(os.path.join(path_in, "features_valid"), label_names, label2int,
                                        num_timesteps=None, batch_size=1, shuffle=False)

    classifier = LogisticRegression(num_in=backbone.feature_dim, num_out=len(label_names))
    del classifier[-1]  # remove Softmax
    if num_layers_to_finetune > 0:
        net = Pipe(bottom, classifier)
    else:
        net = classifier
    net.train()
    if use_gpu:
        net = net.cuda()
    best = training_loops(net, train_loader, valid_loader, use_gpu, 80, {0: 0.0001, 40: 0.00001}, label_names,
                          path_out)
    torch.save(best, os.path.join(path_out, "classifier.checkpoint"))
    json.dump(label2int, open(os.path.join(path_out, "label2int.json"), "w"))
