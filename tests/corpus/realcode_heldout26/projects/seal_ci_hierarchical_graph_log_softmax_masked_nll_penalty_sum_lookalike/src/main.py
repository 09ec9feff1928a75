"""part of look-alike project [LG001, LG006, LG007, LG011]: the entry point parses the arguments, fits and scores the trainer."""
# Source: benedekrozemberczki/SEAL-CI at dfa24b37 (read as is), src/main.py; re-typed (parameter_parser, tab_printer as in the source).
from param_parser import parameter_parser
from seal import SEALCITrainer
from utils import tab_printer


def main():
    args = parameter_parser()
    tab_printer(args)
    model = SEALCITrainer(args)
    model.fit()
    model.score_a_single_model()


if __name__ == "__main__":
    main()
