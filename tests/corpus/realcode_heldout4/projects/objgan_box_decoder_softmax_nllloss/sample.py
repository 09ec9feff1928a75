"""part of positive project [LG007, LG010, LG011]: the box generator's script builds the label loss as Perplexity (a wrapper of nn.NLLLoss with size_average), the decoder's label head ends in nn.Softmax(dim=1) and the trainer feeds each step's output to the wrapper's eval_batch."""
# Source: https://github.com/jamesli1618/Obj-GAN box_generation/sample.py at 44b442ff1a1588bcf7c4855aaca2e6a4c26b10ed
# (issue #30 "Question about NLLLoss", closed unanswered by the authors: the label loss gets softmax, not log-softmax, so it
# is always negative); re-typed, names changed, reduced (data loading, label weighting details and sampling left out).
import torch

from seq2seq.loss import BBLoss, Perplexity
from seq2seq.models import DecoderRNN, PreEncoderRNN
from seq2seq.trainer import SupervisedTrainer

if opt.is_training:
    weight = torch.ones(len(label_lang.word2index))
    pad = label_lang.word2index["<pad>"]
    lloss = Perplexity(weight, pad, opt.lamda1)
    bloss = BBLoss(opt.batch_size, opt.gmm_comp_num, opt.lamda2)
    if torch.cuda.is_available():
        lloss.cuda()
        bloss.cuda()

    encoder = PreEncoderRNN(cap_lang.n_words, nhidden=opt.embedding_dim)
    encoder.load_state_dict(torch.load(opt.encoder_path, map_location=lambda storage, loc: storage))
    for p in encoder.parameters():
        p.requires_grad = False
    encoder.eval()

    decoder = DecoderRNN(label_lang.word2index, opt.batch_size, opt.max_len, opt.embedding_dim,
                         opt.gmm_comp_num, dropout_p=0.2, use_attention=False)
    for param in decoder.parameters():
        param.data.uniform_(-0.08, 0.08)

    trainer = SupervisedTrainer(lloss=lloss, bloss=bloss, batch_size=opt.batch_size, print_every=50,
                                label_lang=label_lang)
    trainer.train(encoder, decoder, train_tuples, num_epochs=10, is_training=opt.is_training)
