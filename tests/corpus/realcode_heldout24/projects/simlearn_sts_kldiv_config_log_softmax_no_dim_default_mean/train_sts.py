"""part of positive project [LG009, LG011]: the semantic-textual-similarity script builds the loss setup from --loss, puts its head on the sentence network and trains with the setup's criterion; with --loss kldiv the KL setup is used."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), train_sts.py; re-typed, identifiers renamed; logging,
# model saving, evaluators and the augmentation options shortened. The dataset and sts packages are not included.
import common
from core.base import Trainer
from datasets.semeval import SemEval, SemEvalPartitionFactory
from models import SentenceNet
from sts.augmentation import SemEvalAugmentationStrategyFactory
from sts.modes import STSForwardModeFactory

task = 'sts'
parser = common.get_arg_parser()
parser.add_argument('--path', type=str, required=True)
parser.add_argument('--vocab', type=str, required=True)
parser.add_argument('--word2vec', type=str, required=True)
args = parser.parse_args()

nfeat = 500
mode = STSForwardModeFactory().new(args.loss)
augmentation = SemEvalAugmentationStrategyFactory(args.loss, threshold=3.0)
partition_factory = SemEvalPartitionFactory(args.loss, args.batch_size)
dataset = SemEval(args.path, args.word2vec, args.vocab, augmentation.new(), partition_factory)
setup = common.build_setup(args.loss, nfeat, dataset.nclass, task, args.margin)
model = SentenceNet(common.DEVICE, nfeat, dataset.vocab, mode=mode, head=setup.head)
train = dataset.training_partition()

trainer = Trainer(args.loss, model, setup.loss, train, setup.optimizer(model, task, args.lr))
trainer.train(args.epochs)
