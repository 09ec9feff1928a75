"""part of positive project [LG001, LG011]: main builds the critic with init_model(Discriminator(...)) and hands it to core.train_tgt."""
# Source: corenel/pytorch-adda@96f2689dd418ef275fcd0b057e5dff89be5762c5 main.py (read as is; its issue #19 asks about the critic's zero_grad; re-typed, identifiers renamed, the prints and the evaluation calls shortened)
import params
from core import eval_src, eval_tgt, train_src, train_tgt
from models import Discriminator, LeNetClassifier, LeNetEncoder
from utils import get_data_loader, init_model, init_random_seed

if __name__ == '__main__':
    init_random_seed(params.manual_seed)
    src_loader = get_data_loader(params.src_dataset)
    tgt_loader = get_data_loader(params.tgt_dataset)
    tgt_loader_eval = get_data_loader(params.tgt_dataset, train=False)

    src_encoder = init_model(net=LeNetEncoder(), restore=params.src_encoder_restore)
    src_classifier = init_model(net=LeNetClassifier(), restore=params.src_classifier_restore)
    tgt_encoder = init_model(net=LeNetEncoder(), restore=params.tgt_encoder_restore)
    critic = init_model(Discriminator(input_dims=params.d_input_dims, hidden_dims=params.d_hidden_dims,
                                      output_dims=params.d_output_dims), restore=params.d_model_restore)

    if not (src_encoder.restored and src_classifier.restored and params.src_model_trained):
        src_encoder, src_classifier = train_src(src_encoder, src_classifier, src_loader)
    if not tgt_encoder.restored:
        tgt_encoder.load_state_dict(src_encoder.state_dict())
    if not (tgt_encoder.restored and critic.restored and params.tgt_model_trained):
        tgt_encoder = train_tgt(src_encoder, tgt_encoder, critic, src_loader, tgt_loader)
    eval_tgt(tgt_encoder, src_classifier, tgt_loader_eval)
