namespace QaShopper.LocalSpeech;
